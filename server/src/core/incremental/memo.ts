/**
 * A bounded cache of a pure function of one string (a block's or an entry's text): an analysis after a small edit
 * finds the results of every unchanged block here. Least recently used entries go first; long texts (a whole
 * document) are not kept, as they rarely repeat and would hold the memory. Results are shared between callers:
 * they must be treated as read-only.
 */
export function memoizeText<R>(fn: (text: string) => R, maxEntries = 20_000, maxLength = 4_000): (text: string) => R {
  const cache = new Map<string, R>();
  return (text: string) => {
    if (typeof text !== 'string' || text.length > maxLength) return fn(text);
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) {
      // Most recently used last.
      cache.delete(text);
      cache.set(text, hit as R);
      return hit as R;
    }
    const value = fn(text);
    cache.set(text, value);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
    return value;
  };
}
