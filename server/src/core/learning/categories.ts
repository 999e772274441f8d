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
const PATTERNS = Object.fromEntries(
  CAUSE_CATEGORIES.map((c) => [c, new RegExp(`(?<![\\w-])(?:${CUES[c].map(escapeRe).join('|')})`, 'gi')]),
) as Record<CauseCategory, RegExp>;

export interface CategoryHit {
  category: CauseCategory;
  /** How many cues of the category the text holds. */
  count: number;
  /** The first cue found, as written: what a message names. */
  cue: string;
}

/**
 * The categories a cause text falls into, strongest first. A category needs two cues, or one in a short text,
 * so that a passing word ("the release notes") does not make a cause a change.
 */
export function categoriesOf(text: string): CategoryHit[] {
  const hits: CategoryHit[] = [];
  const words = text.split(/\s+/).length;
  const needed = words > 60 ? 2 : 1;
  for (const category of CAUSE_CATEGORIES) {
    const re = PATTERNS[category];
    re.lastIndex = 0;
    let count = 0;
    let cue: string | undefined;
    for (const m of text.matchAll(re)) {
      count++;
      cue ??= m[0].toLowerCase();
    }
    if (count >= needed && cue) hits.push({ category, count, cue });
  }
  hits.sort((a, b) => b.count - a.count);
  // The strongest three, and none far weaker than the strongest (a long cause mentions many things in passing).
  const top = hits[0]?.count ?? 0;
  return hits.filter((h, i) => i < 3 && h.count * 4 >= top);
}

export function isCauseCategory(value: unknown): value is CauseCategory {
  return typeof value === 'string' && (CAUSE_CATEGORIES as readonly string[]).includes(value);
}
