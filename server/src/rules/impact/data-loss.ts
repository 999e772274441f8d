import { plainPieces } from '../../core/impact/plain-body';
import { memoizeText } from '../../core/incremental/memo';
import type { SectionKind } from '../../core/kinds';
import { declaredServices } from '../../core/learning';
import { type PostmortemModel, type Section, sectionsOfKind } from '../../core/model';
import type { Rule } from '../../core/rule';
import { isTemplateText } from '../../core/template-text';
import { plainText } from '../../core/timeline';
import { titleRange } from '../structure/required-section';

/**
 * Words that name storage, matched as whole words (lower case); two-word entries match two words in a row. Caches
 * (Redis, Memcached) are left out: losing a cache loses no data; so are words with common other senses in
 * postmortems ("replica" of a Kubernetes deployment, "volume" of traffic).
 */
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

/** Words that only state a failure of data: "data was lost", "rows were deleted" (not "the data pipeline failed"). */
const DESTRUCTION_WORDS = new Set([
  'lost',
  'loss',
  'corrupt',
  'corrupted',
  'corruption',
  'deleted',
  'deletion',
  'dropped',
  'truncated',
  'wiped',
  'overwritten',
  'destroyed',
  'purged',
  'erased',
  'unrecoverable',
]);

/**
 * Words that state a failure of the storage named next to them (lower-case tokens): "the database failed over",
 * "disk corruption", "the replica crashed", "backups were deleted".
 */
const FAILURE_WORDS = new Set([
  ...DESTRUCTION_WORDS,
  'fail',
  'fails',
  'failed',
  'failing',
  'failure',
  'failures',
  'failover',
  'crash',
  'crashed',
  'crashes',
  'unavailable',
  'unreachable',
  'inaccessible',
  'outage',
  'exhausted',
  'filled',
  'lag',
  'lagging',
  'diverged',
  'inconsistent',
  'inconsistency',
]);

/** Nouns whose destruction is a storage failure whatever holds them (said of them, see `storageFailure`). */
const DATA_NOUNS = new Set(['data', 'rows', 'records', 'table', 'tables', 'files', 'blobs']);

/**
 * Words that make the failure hypothetical or denied: "to prevent accidental corruption of the database", "the
 * disk did not fail", "connections are never deleted".
 */
const GUARDS = new Set([
  'prevent',
  'prevents',
  'prevented',
  'preventing',
  'avoid',
  'avoids',
  'avoided',
  'avoiding',
  'protect',
  'protects',
  'against',
  'without',
  'not',
  'never',
  'risk',
  'if',
  'unless',
  'could',
  'would',
  'might',
  'may',
  'didn',
  'doesn',
  'don',
  'wasn',
  'weren',
  'isn',
  'aren',
  'hasn',
  'haven',
  'hadn',
  'won',
]);

const BE_OR_GO = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'went', 'go', 'goes', 'going', 'gone']);
const RUN = new Set(['ran', 'run', 'runs', 'running']);

/**
 * Nouns a storage word can modify without naming the store: a failing "postgres function", "database client" or
 * "backup contact" puts no data at risk.
 */
const OTHER_HEADS = new Set(
  'function functions procedure procedures client clients driver drivers library sdk connection connections query queries user users credential credentials password passwords team contact contacts engineer engineers admin admins extension module modules version upgrade upgrades'.split(
    ' ',
  ),
);

/** How many tokens may separate the storage word from its failure. */
const WINDOW = 6;

/** Storage words after which "full" states a failure: "disk full", "the volume is full". */
const STORAGE_HEADS = new Set(['disk', 'disks', 'storage', 'partition', 'filesystem', 'database', 'db']);

/** Whether the token at `j` states a failure (`destructive`: only the destruction of data). */
function failureAt(tokens: readonly string[], j: number, destructive: boolean): boolean {
  const t = tokens[j];
  if (destructive) return DESTRUCTION_WORDS.has(t);
  if (FAILURE_WORDS.has(t)) return true;
  const prev = tokens[j - 1] ?? '';
  if (t === 'down' || t === 'offline') return BE_OR_GO.has(prev); // "went down", "was offline"
  if (t === 'out') return RUN.has(prev) || tokens[j + 1] === 'of'; // "ran out", "out of disk space"
  if (t === 'full') return BE_OR_GO.has(prev) || prev === 'became' || prev === 'got' || STORAGE_HEADS.has(prev);
  if (t === 'space') return tokens.slice(Math.max(0, j - 3), j).includes('no'); // "no available disk space"
  return false;
}

/**
 * The first storage failure `text` states: a storage word (from `words`, two-word entries as "a b") or a data noun
 * within a few words of a failure, in one sentence, not denied or hypothetical. Returns the storage word and the
 * words from one to the other.
 */
export function storageFailure(text: string, words: ReadonlySet<string>): { word: string; phrase: string } | undefined {
  for (const sentence of text.toLowerCase().split(/[.!?;]\s|\n/)) {
    const tokens = sentence.split(/[^a-z0-9]+/).filter((t) => t !== '');
    for (let i = 0; i < tokens.length; i++) {
      const pair = `${tokens[i]} ${tokens[i + 1] ?? ''}`;
      const word = words.has(pair)
        ? pair
        : words.has(tokens[i])
          ? tokens[i]
          : DATA_NOUNS.has(tokens[i])
            ? tokens[i]
            : '';
      if (!word) continue;
      // "a postgres function", "the database client", "backup contacts": the word names something else.
      if (OTHER_HEADS.has(tokens[i + word.split(' ').length] ?? '')) continue;
      const destructive = !words.has(word);
      const last = i + word.split(' ').length - 1;
      // The nearest failure, after the word first ("the disk was full") then before it ("disk corruption").
      const after = Array.from({ length: WINDOW }, (_, k) => last + 1 + k).filter((j) => j < tokens.length);
      const before = Array.from({ length: WINDOW }, (_, k) => i - 1 - k).filter((j) => j >= 0);
      for (const j of [...after, ...before]) {
        if (!failureAt(tokens, j, destructive)) continue;
        // Data destroyed is said of the data: "data was lost", "data loss", "lost data", "loss of customer data";
        // an active verb before it ("we deleted all account data as requested") is usually the responders' act.
        if (destructive && j < i && j !== i - 1 && tokens[j + 1] !== 'of') continue;
        const from = Math.min(i, j);
        const to = Math.max(last, j);
        const guarded = tokens.slice(Math.max(0, from - 3), to + 1).some((t) => GUARDS.has(t));
        if (!guarded) return { word, phrase: tokens.slice(from, to + 1).join(' ') };
      }
    }
  }
  return undefined;
}

/**
 * What makes this a storage incident: a storage word in the frontmatter `services` (the author declares a store as
 * an affected service), or a statement of a storage failure in the title, summary (with the frontmatter
 * `description`), impact, trigger or root cause: a store failing ("the primary database failed over", "the disk
 * was full", "backups were deleted") or data destroyed ("rows were deleted", "data corruption"). A database only
 * mentioned ("a postgres function", "to prevent corruption of the database") does not make one.
 */
export function storageCue(
  model: PostmortemModel,
  words: ReadonlySet<string>,
): { word: string; where: string; phrase?: string } | undefined {
  const data = model.frontmatter?.data ?? {};
  const [declared] = storageWords(declaredServices(data).join(' '), words);
  if (declared) return { word: declared, where: 'services' };
  const description = typeof data.description === 'string' ? data.description : '';
  const of = (kind: SectionKind) => partText(model, kind);
  for (const [where, text] of [
    ['title', model.title?.text ?? ''],
    ['summary', `${of('summary') || leadText(model)}. ${description}`],
    ['impact', of('impact')],
    ['trigger', of('trigger')],
    ['root cause', `${of('root-cause')}. ${of('what-went-wrong')}`],
  ] as const) {
    const found = storageFailure(text, words);
    if (found) return { ...found, where };
  }
  return undefined;
}

/** Enough of a part to find its storage failure. */
const MAX_PART = 20_000;

/**
 * The plain text of the sections of `kind`, without their subsections of another kind (a "Where we got lucky"
 * under the root cause is not the cause).
 */
function partText(model: PostmortemModel, kind: SectionKind): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (s: Section) => {
    if (length > MAX_PART) return;
    const own = plainText(withoutTemplateText(model.text.slice(s.headingEnd, s.contentEnd).slice(0, MAX_PART)));
    parts.push(own);
    length += own.length;
    for (const child of s.children) if (child.kinds.length === 0 || child.kinds.includes(kind)) visit(child);
  };
  for (const s of sectionsOfKind(model, kind)) visit(s);
  return parts.join(' ');
}

function leadText(model: PostmortemModel): string {
  const first = model.lead[0]?.position?.start.offset;
  const last = model.lead.at(-1)?.position?.end.offset;
  return first === undefined || last === undefined
    ? ''
    : plainText(withoutTemplateText(model.text.slice(first, last).slice(0, MAX_PART)));
}

/** The lines of `raw` that are not the templates' example text ("The service went down because the database…"). */
function withoutTemplateText(raw: string): string {
  return raw
    .split('\n')
    .filter((line) => !isTemplateText(line))
    .join('\n');
}

/**
 * Whether the document says, either way, whether data was lost. The body's plain text is read piece by piece, each
 * piece's answer cached (issue 11): a statement inside a piece is one in the whole text; the whole is searched only
 * when no piece has one (a statement can run over a line break).
 */
export function statesDataLoss(model: PostmortemModel): boolean {
  const data = model.frontmatter?.data ?? {};
  if (KEYS.some((k) => data[k] !== undefined && data[k] !== null && data[k] !== '')) return true;
  const parts = plainPieces(model.text.slice(model.frontmatter?.end ?? 0));
  return parts.some(statedIn) || STATEMENT.test(parts.join(' '));
}

const statedIn = memoizeText((plain: string) => STATEMENT.test(plain), 50_000, 60_000);

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
        'Words that name storage: a storage incident declares one in the frontmatter `services`, or states one failing (failed, corrupted, deleted, full, down…) in the title, summary, impact, trigger or root cause (whole words, case-insensitive; replaces the default list).',
    },
  },
  check({ model, options, report }) {
    const list = (options.words as string[] | undefined) ?? STORAGE_WORDS;
    const words = new Set(list.map((w) => w.toLowerCase().trim().replace(/\s+/g, ' ')));
    const cue = storageCue(model, words);
    if (!cue || statesDataLoss(model)) return;
    report({
      message: `This looks like a storage incident (${cue.phrase ? `the ${cue.where} says "${cue.phrase}"` : `"${cue.word}" in the ${cue.where}`}), but the postmortem does not say whether data was lost: state it either way, e.g. "No data was lost.", "About 1,200 rows written between 09:12 and 09:40 were lost." or "We do not know yet whether data was lost."`,
      ...titleRange(model),
      data: { word: cue.word, where: cue.where, ...(cue.phrase ? { phrase: cue.phrase } : {}) },
    });
  },
};
