import { declaredServices, incidentRecord } from '../../core/learning';
import type { PostmortemModel } from '../../core/model';
import type { Rule } from '../../core/rule';
import { plainText } from '../../core/timeline';
import { titleRange } from '../structure/required-section';

/**
 * Words that make an incident a storage or database incident, matched as whole words (lower case); two-word
 * entries match two words in a row. Caches (Redis, Memcached) are left out: losing a cache loses no data; so are
 * words with common other senses in postmortems ("replica" of a Kubernetes deployment, "volume" of traffic).
 */

/** How many storage words the summary, trigger and root cause must hold between them when the title does not. */
export const MIN_MENTIONS = 3;
export const STORAGE_WORDS = [
  'database',
  'databases',
  'db',
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'mongodb',
  'cassandra',
  'dynamodb',
  'rds',
  'sqlite',
  'storage',
  'disk',
  'disks',
  'filesystem',
  'file system',
  'read replica',
  'read replicas',
  'replication',
  'backup',
  'backups',
  's3',
  'bucket',
  'buckets',
  'object storage',
  'data store',
  'datastore',
];

/**
 * A statement about data loss, either way: "no data was lost", "data loss: none", "without data loss", "we lost
 * 1,200 rows", "some uploads were lost", "we do not yet know whether data was lost". Gaps are bounded.
 */
const STATEMENT =
  /\bdata[- ]loss\b|\bloss\s+of\s+(?:\w+\s+){0,2}?data\b|\blos[te]\s+(?:[\w,.~]+\s+){0,3}?(?:data|rows|records|files|messages|writes|events|objects|uploads|posts|media|e-?mails|commits|entries|documents)\b|\b(?:data|rows|records|files|messages|writes|events|objects|uploads|posts|media|e-?mails|commits|entries|documents)\s+(?:(?:was|were|is|are|has|have|had|been|not|never|permanently|irrecoverably)\s+){1,3}(?:lost|corrupted|unrecoverable|destroyed)\b|\bdata\s+(?:was|were|is)\s+(?:\w+\s+){0,2}?(?:intact|safe|preserved|recovered|restored)\b|\bno\s+data\s+(?:was|were|has\s+been|had\s+been)\s+(?:\w+\s+){0,1}?(?:lost|corrupted|affected|deleted)\b/i;

/** Frontmatter keys that state it: `data_loss: none`. */
const KEYS = ['data_loss', 'data-loss', 'dataLoss'];

/** The storage words in `text` (a Set of words, two-word entries as "a b"), in order. */
export function storageWords(text: string, words: ReadonlySet<string>): string[] {
  const tokens = text.toLowerCase().split(/[^a-z0-9]+/);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '') continue;
    const pair = `${t} ${tokens[i + 1] ?? ''}`;
    if (words.has(pair)) {
      out.push(pair);
      i++;
    } else if (words.has(t)) out.push(t);
  }
  return out;
}

/**
 * What makes this a storage incident: a storage word in the frontmatter `services` or the title, or at least
 * `MIN_MENTIONS` of them in the summary (with the frontmatter `description`), trigger and root cause together:
 * storage is what the incident is about, not a passing mention.
 */
export function storageCue(
  model: PostmortemModel,
  words: ReadonlySet<string>,
): { word: string; where: string } | undefined {
  const record = incidentRecord(model, '');
  const data = model.frontmatter?.data ?? {};
  for (const [where, text] of [
    ['services', declaredServices(data).join(' ')],
    ['title', record.title],
  ] as const) {
    const [word] = storageWords(text, words);
    if (word) return { word, where };
  }
  const description = typeof data.description === 'string' ? data.description : '';
  const found = storageWords(`${record.summary} ${description} ${record.trigger} ${record.rootCause}`, words);
  if (found.length < MIN_MENTIONS) return undefined;
  return { word: found[0], where: 'summary, trigger and root cause' };
}

/** Whether the document says, either way, whether data was lost. */
export function statesDataLoss(model: PostmortemModel): boolean {
  const data = model.frontmatter?.data ?? {};
  if (KEYS.some((k) => data[k] !== undefined && data[k] !== null && data[k] !== '')) return true;
  const body = model.text.slice(model.frontmatter?.end ?? 0);
  return STATEMENT.test(plainText(body));
}

/** Readers of a storage incident's postmortem first want to know whether their data is safe (Google SRE book). */
export const dataLoss: Rule = {
  id: 'impact/data-loss',
  description:
    'A storage or database incident says whether data was lost: yes (what and how much), no, or not known yet.',
  defaultSeverity: 'info',
  scope: 'document',
  fixable: false,
  options: {
    words: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description:
        'Words that make an incident a storage incident when they appear in the frontmatter `services`, the title, summary, trigger or root cause (whole words, case-insensitive; replaces the default list).',
    },
  },
  check({ model, options, report }) {
    const list = (options.words as string[] | undefined) ?? STORAGE_WORDS;
    const words = new Set(list.map((w) => w.toLowerCase().trim().replace(/\s+/g, ' ')));
    const cue = storageCue(model, words);
    if (!cue || statesDataLoss(model)) return;
    report({
      message: `This looks like a storage incident (${cue.where === 'title' || cue.where === 'services' ? `"${cue.word}" in the ${cue.where}` : `"${cue.word}" and other storage words in the ${cue.where}`}), but the postmortem does not say whether data was lost: state it either way, e.g. "No data was lost.", "About 1,200 rows written between 09:12 and 09:40 were lost." or "We do not know yet whether data was lost."`,
      ...titleRange(model),
      data: { word: cue.word, where: cue.where },
    });
  },
};
