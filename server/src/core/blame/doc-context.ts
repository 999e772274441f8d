// The document context of the blame analysis: the people the document lists (frontmatter keys, "Incident
// commander: …", thanks) with their roles, and the words it uses for systems (code spans, "the X service").
import { memoizeText } from '../incremental/memo';
import type { PostmortemModel } from '../model';
import { type DocContext, normalise } from './entities';
import { PRODUCTS } from './lexicon';
import type { ProseBlock } from './prose';
import { type Prefixed, PrefixScan } from './scan';

/** Keys in frontmatter that list people. */
const PEOPLE_KEYS =
  /^(?:participants|authors?|owners?|reviewers?|responders?|incident[-_ ]?commanders?|ic|scribes?|editors?|on[-_]?call|people|team|contributors?|facilitators?|commanders?)$/i;

/** Prose that lists people: "Incident commander: Priya Patel", "Authors: …", "Thanks to Marco". */
const PEOPLE_KEYWORDS = [
  'incident commander',
  'commander',
  'IC',
  'scribe',
  'comms lead',
  'communications lead',
  'author',
  'authors',
  'written by',
  'reviewed by',
  'reviewer',
  'reviewers',
  'owner',
  'owners',
  'owned by',
  'participants',
  'responders',
  'facilitator',
  'thanks to',
  'thank you to',
  'shout-out to',
  'shoutout to',
  'kudos to',
  'contact',
].map((k) => `[${k[0].toUpperCase()}${k[0].toLowerCase()}]${k.slice(1).replace(/-/g, '-?')}`);
const NOT_A_NAME =
  '(?!(?:The|This|That|These|Those|We|I|It|A|An|Our|Their|His|Her|All|Everyone|Everybody|Team|Thanks|Incident|None|TBD|N/A)\\b)';
/**
 * Words without which a block lists nobody (stems of the keywords): a quick look before PEOPLE_LINE, exactly
 * /commander|\bIC\b|scribe|lead|author|written|review|owne|participant|responder|facilitator|thank|shout|kudos|contact/i.
 */
export const PEOPLE_HINTS: Prefixed[] = [
  { pattern: 'commander', prefixes: ['comm'] },
  { pattern: String.raw`\bIC\b`, prefixes: ['ic#'] },
  ...['scribe', 'lead', 'author', 'written', 'review', 'owne', 'participant', 'responder', 'facilitator', 'thank']
    .concat(['shout', 'kudos', 'contact'])
    .map((word) => ({ pattern: word, prefixes: [word.slice(0, 4)] })),
];
const PEOPLE_HINT = new PrefixScan([{ patterns: PEOPLE_HINTS }]);
const PEOPLE_LINE = new RegExp(
  `\\b(?:${PEOPLE_KEYWORDS.join('|')})\\s*(?:[:\\-–—]|\\bis\\b)?\\s*((?:${NOT_A_NAME}(?:@[\\w.-]+|\\p{Lu}[\\p{L}\\p{M}'-]+(?:\\s+${NOT_A_NAME}\\p{Lu}[\\p{L}\\p{M}'-]+)?)(?:\\s*\\([^)]*\\))?\\s*(?:,|\\band\\b|&)?\\s*)+)`,
  'gu',
);

function addPerson(ctx: DocContext, raw: string, role?: string): void {
  const cleaned = raw
    .replace(/<[^>]*>/g, '')
    .replace(/\(([^)]*)\)/, (_, r: string) => {
      role ??= r.trim();
      return '';
    })
    .trim();
  if (!cleaned || cleaned.length > 60) return;
  const entry = { name: cleaned, role: role?.trim() || undefined };
  const key = normalise(cleaned);
  if (!ctx.people.has(key) || entry.role) ctx.people.set(key, entry);
  const first = normalise(cleaned.split(/\s+/)[0]);
  if (first !== key && (!ctx.people.has(first) || entry.role)) ctx.people.set(first, entry);
  if (cleaned.startsWith('@')) ctx.people.set(normalise(cleaned.slice(1)), entry);
}

function collectFrontmatterPeople(value: unknown, ctx: DocContext, role?: string): void {
  if (typeof value === 'string') {
    for (const part of value.split(/\s*(?:,|;|\band\b)\s*/)) if (part.trim()) addPerson(ctx, part, role);
  } else if (Array.isArray(value)) {
    for (const item of value) collectFrontmatterPeople(item, ctx, role);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const name = record.name ?? record.person ?? record.who;
    if (typeof name === 'string') {
      const r = record.role ?? record.title ?? record.as;
      addPerson(ctx, name, typeof r === 'string' ? r : role);
    } else {
      // A mapping of names to roles: `Dave Smith: on-call engineer`.
      for (const [k, v] of Object.entries(record)) if (typeof v === 'string') addPerson(ctx, k, v);
    }
  }
}

const SYSTEM_BEFORE_PARENS =
  /(?<![\p{L}\p{N}_\p{M}])(\p{Lu}[\p{L}\p{M}\d-]*)\s*\((?:[^)]*\b(?:bot|service|tool|system|server|app|daemon|job|pipeline|ci)\b[^)]*)\)/gu;
const SYSTEM_AFTER_THE =
  /\bthe (\p{Lu}[\p{L}\p{M}\d-]*) (?:bot|cluster|service|server|pipeline|job|operator|controller|agent|api|daemon|instance|pods?|nodes?|deployment|app|integration|plugin)\b/gu;

/** Adds the systems a pattern (global, never matching the empty string) names in its first group. */
function addSystems(out: string[], text: string, re: RegExp): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(normalise(m[1]));
}

/** Whether "the " comes before a capital somewhere in the text (SYSTEM_AFTER_THE needs it); non-ASCII may be one. */
function hasTheCapital(text: string): boolean {
  for (let i = text.indexOf('the '); i !== -1; i = text.indexOf('the ', i + 1)) {
    const c = text.charCodeAt(i + 4);
    if ((c >= 65 && c <= 90) || c >= 128) return true;
  }
  return false;
}

/** Builds the document context from the frontmatter and the prose. */
export function buildDocContext(
  model: PostmortemModel,
  blocks: readonly ProseBlock[],
  allowed: Iterable<string>,
  /** The values of the tree's code spans, if `proseBlocks` collected them (else they are looked up in the tree). */
  codes?: readonly string[],
  /** For each block, whether PEOPLE_HINTS match its text, if known (else they are looked for). */
  peopleHints?: readonly boolean[],
): DocContext {
  const ctx: DocContext = {
    people: new Map(),
    systems: new Set(),
    allowedNames: new Set([...allowed].map(normalise)),
  };
  const data = model.frontmatter?.data ?? {};
  for (const [key, value] of Object.entries(data)) {
    if (PEOPLE_KEYS.test(key)) {
      const role = /commander|^ic$/i.test(key) ? 'incident commander' : /scribe/i.test(key) ? 'scribe' : undefined;
      collectFrontmatterPeople(value, ctx, role);
    }
  }
  if (codes) for (const code of codes) addCodeSystem(code, ctx);
  else collectSystems(model, ctx);
  blocks.forEach((block, i) => {
    if (peopleHints ? peopleHints[i] : PEOPLE_HINT.matches(block.text) !== 0) {
      for (const { name, first } of namesListedIn(block.text)) {
        if (!PRODUCTS.has(first) && !ctx.systems.has(first)) addPerson(ctx, name);
      }
    }
    const systems = systemsNamedIn(block.text);
    for (let k = 0; k < systems.length; k++) ctx.systems.add(systems[k]);
  });
  return ctx;
}

/** The names a block's text lists ("Incident commander: Priya Patel"), each with its first word normalised. */
const namesListedIn = memoizeText((text: string): readonly { name: string; first: string }[] => {
  const out: { name: string; first: string }[] = [];
  for (const m of text.matchAll(PEOPLE_LINE)) {
    for (const part of m[1].split(/\s*(?:,|\band\b|&)\s*/)) {
      const name = part.trim();
      if (name) out.push({ name, first: normalise(name.split(/\s+/)[0]) });
    }
  }
  return out;
});

/** The words a block's text uses for systems ("Harvey (our Slack deploy bot)", "the Vault cluster"), normalised. */
const systemsNamedIn = memoizeText((text: string): readonly string[] => {
  const out: string[] = [];
  if (text.includes('(')) addSystems(out, text, SYSTEM_BEFORE_PARENS);
  if (hasTheCapital(text)) addSystems(out, text, SYSTEM_AFTER_THE);
  return out;
});

/** Single words in code spans name systems (`jenkins`, `harvey`). */
function collectSystems(model: PostmortemModel, ctx: DocContext): void {
  const stack: { type: string; value?: string; children?: unknown[] }[] = [model.tree as never];
  while (stack.length > 0) {
    const node = stack.pop() as { type: string; value?: string; children?: unknown[] };
    if (node.type === 'inlineCode' && node.value) addCodeSystem(node.value, ctx);
    if (node.children) for (const c of node.children) stack.push(c as never);
  }
}

const CODE_WORD = /^[\w.-]{2,40}$/;

function addCodeSystem(code: string, ctx: DocContext): void {
  if (CODE_WORD.test(code)) ctx.systems.add(normalise(code));
}
