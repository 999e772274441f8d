import { compileUserPattern, type UserPattern } from '../user-pattern';

/**
 * Contributing-factor categories: a small taxonomy (the one the SRE literature and incident platforms use most)
 * and the cue words that put a cause into each. A postmortem's categories are read from its trigger and root-cause
 * text (its summary and title only when it has neither), so that "the same cause" means the same kind of failure,
 * not the same words.
 */

export const CAUSE_CATEGORIES = [
  'change',
  'config',
  'dependency',
  'capacity',
  'hardware',
  'security',
  'process',
] as const;

/** A default category. A configured taxonomy may add others: records and repeats carry plain names. */
export type CauseCategory = (typeof CAUSE_CATEGORIES)[number];

export const CATEGORY_TITLES: Record<CauseCategory, string> = {
  change: 'a change (deploy, release, upgrade)',
  config: 'configuration',
  dependency: 'a dependency (third party, upstream)',
  capacity: 'capacity (load, exhaustion, limits)',
  hardware: 'hardware or infrastructure failure',
  security: 'security',
  process: 'process (manual step, review, runbook)',
};

/**
 * Cues per category: word prefixes matched at a word start, case-insensitive. Bounded, linear patterns (one
 * alternation of literal prefixes each).
 */
const CUES: Record<CauseCategory, readonly string[]> = {
  change: [
    'deploy',
    'release',
    'rollout',
    'rolled out',
    'roll out',
    'upgrade',
    'update',
    'migrat',
    'refactor',
    'merged',
    'pull request',
    'bump',
    'commit',
    'new version',
    'regression',
    'code change',
    'change to',
    'changes to',
    'reverted',
    'patch',
  ],
  config: [
    'config',
    'misconfig',
    'setting',
    'flag',
    'parameter',
    'dns record',
    'terraform',
    'infrastructure as code',
    'iac',
    'rule',
    'policy',
    'manifest',
    'label',
    'yaml',
  ],
  dependency: [
    'third-party',
    'third party',
    'upstream',
    'vendor',
    'provider',
    'dependency',
    'dependencies',
    'library',
    'github outage',
    'outage at',
    'external service',
    'aws',
    'cloud provider',
    'recalled',
  ],
  capacity: [
    'capacity',
    'exhaust',
    'starvation',
    'out of memory',
    'oom',
    'disk full',
    'filesystem full',
    'ran out',
    'running out',
    'quota',
    'rate limit',
    'throttl',
    'overload',
    'load',
    'traffic',
    'scal',
    'growth',
    'backlog',
    'queue',
    'iops',
    'saturat',
    'timeout',
    'limit',
  ],
  hardware: [
    'hardware',
    'node failure',
    'nodes',
    'node',
    'kernel',
    'disk failure',
    'host',
    'machine',
    'instance',
    'ami',
    'power',
    'network',
    'datacenter',
    'data center',
    'vm',
  ],
  security: [
    'security',
    'vulnerab',
    'cve-',
    'exploit',
    'attack',
    'malicious',
    'malware',
    'phishing',
    'compromis',
    'leak',
    'token',
    'credential',
    'password',
    'unauthori',
    'privilege',
    'takeover',
    'typosquat',
    'exposed',
    'pii',
  ],
  process: [
    'process',
    'manual',
    'runbook',
    'review',
    'communicat',
    'procedure',
    'checklist',
    'documentation',
    'ownership',
    'human',
    'accidental',
    'unintentional',
    'mistake',
    'missing alert',
    'no alert',
    'monitoring',
    'testing',
    'not tested',
    'untested',
  ],
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** Cue words as one pattern: literal prefixes at a word start, case-insensitive (linear: literals only). */
function cuePattern(words: readonly string[]): RegExp | undefined {
  const cues = words.map((w) => w.trim()).filter((w) => w.length > 0);
  return cues.length === 0 ? undefined : new RegExp(`(?<![\\w-])(?:${cues.map(escapeRe).join('|')})`, 'gi');
}

/** A category as the config gives it: cue words, or cue words, RE2 patterns and a title; `false` removes it. */
export type CategorySpec =
  | readonly string[]
  | { title?: string; keywords?: readonly string[]; patterns?: readonly string[] }
  | false;

/** One category of a taxonomy, ready to match. */
export interface TaxonomyCategory {
  name: string;
  /** What a message says: "a change (deploy, release, upgrade)". */
  title: string;
  /** How many cues of the category the text holds (at most `limit`), and the first as written. */
  cues(text: string, limit: number): { count: number; first?: string };
}

/** The contributing-factor categories a team sorts its causes into: the default seven, or the config's. */
export interface Taxonomy {
  categories: readonly TaxonomyCategory[];
  /** Whether the config changed the default. */
  custom: boolean;
}

function category(
  name: string,
  title: string,
  words: readonly string[],
  patterns: readonly UserPattern[],
): TaxonomyCategory {
  const re = cuePattern(words);
  return {
    name,
    title,
    cues(text, limit) {
      let count = 0;
      let first: string | undefined;
      if (re) {
        re.lastIndex = 0;
        for (const m of text.matchAll(re)) {
          first ??= m[0].toLowerCase();
          if (++count >= limit) return { count, first };
        }
      }
      for (const p of patterns) {
        for (const m of p.matches(text, limit - count)) {
          first ??= m.toLowerCase();
          count++;
        }
        if (count >= limit) break;
      }
      return { count, first };
    },
  };
}

/** The default taxonomy: change, config, dependency, capacity, hardware, security, process. */
export const DEFAULT_TAXONOMY: Taxonomy = {
  categories: CAUSE_CATEGORIES.map((c) => category(c, CATEGORY_TITLES[c], CUES[c], [])),
  custom: false,
};

const taxonomies = new WeakMap<object, Taxonomy>();

/**
 * The taxonomy a config declares (`categories`: name → cue words, or `{ title, keywords, patterns }`, or `false`
 * to drop a default one), over the default seven. Patterns are RE2 (linear time); in an untrusted workspace they
 * are ignored and only the cue words count. Cached per config object.
 */
export function taxonomyOf(
  config: { categories?: Record<string, CategorySpec>; untrusted?: boolean } | undefined,
): Taxonomy {
  if (!config?.categories || Object.keys(config.categories).length === 0) return DEFAULT_TAXONOMY;
  const cached = taxonomies.get(config);
  if (cached) return cached;
  const specs = config.categories;
  const out: TaxonomyCategory[] = [];
  const names = [...CAUSE_CATEGORIES, ...Object.keys(specs).filter((n) => !isCauseCategory(n))];
  for (const name of names) {
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (spec === false) continue;
    if (spec === undefined) {
      out.push(category(name, CATEGORY_TITLES[name as CauseCategory], CUES[name as CauseCategory], []));
      continue;
    }
    const words = Array.isArray(spec)
      ? (spec as readonly string[])
      : ((spec as { keywords?: string[] }).keywords ?? []);
    const sources = Array.isArray(spec) ? [] : ((spec as { patterns?: string[] }).patterns ?? []);
    const patterns = config.untrusted
      ? []
      : sources.flatMap((p) => {
          try {
            return [compileUserPattern(p, { caseInsensitive: true })];
          } catch {
            return [];
          }
        });
    const title =
      (!Array.isArray(spec) && (spec as { title?: string }).title) || CATEGORY_TITLES[name as CauseCategory] || name;
    out.push(category(name, title, words, patterns));
  }
  const taxonomy = { categories: out, custom: true };
  taxonomies.set(config, taxonomy);
  return taxonomy;
}

/** A category's title in a taxonomy (the default's, else its name). */
export function categoryTitle(name: string, taxonomy: Taxonomy = DEFAULT_TAXONOMY): string {
  return taxonomy.categories.find((c) => c.name === name)?.title ?? CATEGORY_TITLES[name as CauseCategory] ?? name;
}

export interface CategoryHit {
  category: string;
  /** How many cues of the category the text holds. */
  count: number;
  /** The first cue found, as written: what a message names. */
  cue: string;
}

/**
 * The categories a cause text falls into, strongest first. A category needs two cues, or one in a short text,
 * so that a passing word ("the release notes") does not make a cause a change.
 */
export function categoriesOf(text: string, taxonomy: Taxonomy = DEFAULT_TAXONOMY): CategoryHit[] {
  const hits: CategoryHit[] = [];
  const words = text.split(/\s+/).length;
  const needed = words > 60 ? 2 : 1;
  for (const c of taxonomy.categories) {
    // Counting stops at 1,000 cues: enough to rank, and bounded.
    const { count, first } = c.cues(text, 1000);
    if (count >= needed && first) hits.push({ category: c.name, count, cue: first });
  }
  hits.sort((a, b) => b.count - a.count);
  // The strongest three, and none far weaker than the strongest (a long cause mentions many things in passing).
  const top = hits[0]?.count ?? 0;
  return hits.filter((h, i) => i < 3 && h.count * 4 >= top);
}

export function isCauseCategory(value: unknown): value is CauseCategory {
  return typeof value === 'string' && (CAUSE_CATEGORIES as readonly string[]).includes(value);
}

/** Whether a frontmatter tag names a category of the taxonomy. */
export function inTaxonomy(value: unknown, taxonomy: Taxonomy = DEFAULT_TAXONOMY): value is string {
  return typeof value === 'string' && taxonomy.categories.some((c) => c.name === value);
}
