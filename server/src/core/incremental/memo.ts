let cachesOn = true;

/**
 * Runs `fn` with every cache of the analysis from version to version bypassed (neither read nor filled): what a
 * fresh analysis computes from scratch, which the equivalence tests compare the incremental analysis with.
 */
export function withoutCaches<T>(fn: () => T): T {
  const was = cachesOn;
  cachesOn = false;
  try {
    return fn();
  } finally {
    cachesOn = was;
  }
}

/** Whether the caches are on (see `withoutCaches`). */
export function cachesEnabled(): boolean {
  return cachesOn;
}

/**
 * A bounded cache of a pure function of one string (a block's or an entry's text): an analysis after a small edit
 * finds the results of every unchanged block here. Two generations: results live in the current one; when it is
 * full it becomes the old one (the older one is dropped), and a result found in the old one moves back to the
 * current one. So a result used by every analysis is never dropped, at most `2 × maxEntries` are kept, and a hit
 * costs one look-up (a least-recently-used order would cost a delete and an insert on every hit, thousands per
 * analysis). Long texts (a whole document) are not kept, as they rarely repeat and would hold the memory. Results
 * are shared between callers: they must be treated as read-only.
 */
export function memoizeText<R>(fn: (text: string) => R, maxEntries = 20_000, maxLength = 4_000): (text: string) => R {
  let current = new Map<string, R>();
  let old = new Map<string, R>();
  const keep = (text: string, value: R) => {
    if (current.size >= maxEntries) {
      old = current;
      current = new Map();
    }
    current.set(text, value);
  };
  return (text: string) => {
    if (!cachesOn || typeof text !== 'string' || text.length > maxLength) return fn(text);
    const hit = current.get(text);
    if (hit !== undefined || current.has(text)) return hit as R;
    if (old.has(text)) {
      const value = old.get(text) as R;
      old.delete(text);
      keep(text, value);
      return value;
    }
    const value = fn(text);
    keep(text, value);
    return value;
  };
}
