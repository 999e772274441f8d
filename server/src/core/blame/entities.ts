import type { PostmortemModel } from '../model';
import { forms, type NounPhrase } from './grammar';
import {
  ADVERSARY_NOUNS,
  AMBIGUOUS_ROLE_NOUNS,
  FIRST_NAMES,
  NEGATIVE_PRONOUNS,
  PERSON_MODIFIERS,
  PERSON_PRONOUNS,
  PRODUCTS,
  ROLE_NOUNS,
  SYSTEM_NOUNS,
} from './lexicon';
import type { ProseBlock } from './prose';
import type { Token } from './tokens';

/** What the document tells about names: the people it lists (with roles) and the words it uses for systems. */
export interface DocContext {
  /** Lower-case full names and first names of people, with a role when the frontmatter gives one. */
  people: Map<string, { name: string; role?: string }>;
  /** Lower-case words the document uses for systems: code spans, "the X cluster", "X (our deploy bot)". */
  systems: Set<string>;
  /** Words the config allows (never flagged as names), lower case. */
  allowedNames: Set<string>;
}

export type EntityKind = 'name' | 'person' | 'group' | 'system' | 'adversary';

export interface Entity {
  kind: EntityKind;
  /** For names: token range [start, end) of the full name ("Mei Lin"). */
  name?: { start: number; end: number };
  /** The phrase denies an agent ("nobody", "no one"). */
  negative?: boolean;
}

export function normalise(word: string): string {
  // Most words are plain ASCII: skip the (slow) Unicode decomposition for them.
  if (/^[\x20-\x7e]*$/.test(word)) return word.toLowerCase().replace(/'s$/, '');
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '');
}

const BOT_HANDLE = /(?:bot|\[bot\]|-ci|-actions|automation|deploy|renovate|dependabot|snyk|github-actions)$/i;
const GROUP_HANDLE =
  /^@(?:here|channel|everyone|all|team|oncall|on-call)$|[-_.](?:team|oncall|on-call|sre|ops|devs|admins|eng|engineering|support|owners|maintainers|reviewers)$|^@(?:sre|ops|devops|platform|infra|security|primary|secondary)\b/i;

/** Whether an @handle names one person (not a bot or a group). */
export function isPersonHandle(handle: string): boolean {
  return !BOT_HANDLE.test(handle) && !GROUP_HANDLE.test(handle);
}

const TITLE_CASE = /^\p{Lu}[\p{Ll}\p{M}]+(?:-\p{L}[\p{Ll}\p{M}]*)?$/u;

/** Whether a capitalised word is a given name we know, or a person the document names. */
export function isKnownName(token: Token, ctx: DocContext): boolean {
  if (!TITLE_CASE.test(token.text)) return false;
  const word = normalise(token.text);
  if (ctx.allowedNames.has(word) || ctx.systems.has(word) || PRODUCTS.has(word)) return false;
  if (ctx.people.has(word)) return true;
  return FIRST_NAMES.has(word) || FIRST_NAMES.has(word.split('-')[0]);
}

/**
 * A person's name at token `i`, with its surname if one follows ("Mei Lin"), or undefined. Product-like context
 * rules a name out: "the Harvey bot", "Harvey (our deploy bot)", "Travis CI".
 */
export function nameAt(tokens: Token[], i: number, ctx: DocContext): { start: number; end: number } | undefined {
  const t = tokens[i];
  if (t.kind === 'handle') {
    if (
      !isPersonHandle(t.text) ||
      ctx.allowedNames.has(normalise(t.text)) ||
      ctx.allowedNames.has(normalise(t.text.slice(1)))
    )
      return undefined;
    return { start: i, end: i + 1 };
  }
  if (!isKnownName(t, ctx)) return undefined;
  const prev = tokens[i - 1];
  if (prev && (prev.lower === 'the' || prev.lower === 'a' || prev.lower === 'an' || prev.lower === 'our'))
    return undefined;
  let end = i + 1;
  // A surname: the next capitalised word, unless it is a product or a system noun.
  const next = tokens[end];
  if (next && TITLE_CASE.test(next.text) && !PRODUCTS.has(normalise(next.text)) && !SYSTEM_NOUNS.has(next.lower)) end++;
  const after = tokens[end];
  if (after) {
    if (
      SYSTEM_NOUNS.has(after.lower) &&
      after.pos !== 'VERB' &&
      after.lower !== 'change' &&
      after.lower !== 'commit' &&
      after.lower !== 'patch' &&
      after.lower !== 'pr' &&
      after.lower !== 'migration' &&
      after.lower !== 'script'
    )
      return undefined;
    if (/^(?:CI|CD|API|DB|SDK)$/.test(after.text)) return undefined;
    if (after.text === '(') {
      const inside = tokens.slice(end + 1, end + 8).map((x) => x.lower);
      if (
        inside.some(
          (w) => w === 'bot' || w === 'service' || w === 'tool' || w === 'system' || w === 'app' || w === 'server',
        )
      )
        return undefined;
    }
  }
  return { start: i, end };
}

/** Classifies a noun phrase: a named person, a person by role or pronoun, a group, a system, or an adversary. */
export function classify(tokens: Token[], np: NounPhrase, ctx: DocContext): Entity {
  const headToken = tokens[np.head];
  const name = nameAt(tokens, np.head, ctx) ?? firstNameIn(tokens, np, ctx);
  if (name) return { kind: 'name', name };
  const head = headToken.lower;
  if (headToken.kind === 'handle') return { kind: 'system' };
  if (headToken.pos === 'PRON') {
    if (PERSON_PRONOUNS.has(head)) return { kind: 'person', negative: NEGATIVE_PRONOUNS.has(head) };
    return { kind: 'system' };
  }
  // "no one", "no engineer"
  const negative = tokens[np.start]?.lower === 'no';
  const lemmas = forms(headToken);
  if (lemmas.some((l) => ADVERSARY_NOUNS.has(l))) return { kind: 'adversary' };
  if (head === 'one' && negative) return { kind: 'person', negative: true };
  const role = lemmas.find((l) => ROLE_NOUNS.has(l));
  if (role) {
    const modifiers = tokens.slice(np.start, np.head).filter((t) => t.pos !== 'DET');
    if (AMBIGUOUS_ROLE_NOUNS.has(role)) {
      const personMod = modifiers.some((m) => PERSON_MODIFIERS.has(m.lower));
      const systemMod = modifiers.some(
        (m) =>
          m.pos === 'PROPN' ||
          PRODUCTS.has(normalise(m.text)) ||
          SYSTEM_NOUNS.has(m.lower) ||
          ctx.systems.has(normalise(m.text)),
      );
      if (systemMod && !personMod) return { kind: 'system' };
      if (
        !personMod &&
        ![
          'operator',
          'user',
          'admin',
          'owner',
          'lead',
          'manager',
          'customer',
          'member',
          'members',
          'partner',
          'org',
        ].includes(role)
      )
        return { kind: 'system' };
    } else if (
      modifiers.some(
        (m) => m.pos === 'PROPN' && (PRODUCTS.has(normalise(m.text)) || ctx.systems.has(normalise(m.text))),
      )
    ) {
      return { kind: 'system' };
    }
    const group = [
      'team',
      'squad',
      'crew',
      'group',
      'department',
      'org',
      'organisation',
      'organization',
      'staff',
      'people',
      'folks',
      'members',
    ].includes(role);
    return { kind: group ? 'group' : 'person', negative };
  }
  return { kind: 'system' };
}

/** A name inside a phrase whose head is something else ("Ewa's load test", "the change by Nia"). */
function firstNameIn(tokens: Token[], np: NounPhrase, ctx: DocContext): { start: number; end: number } | undefined {
  if (np.possessor !== undefined) return nameAt(tokens, np.possessor, ctx);
  return undefined;
}

export function isPersonLike(e: Entity): boolean {
  return e.kind === 'name' || e.kind === 'person' || e.kind === 'group';
}

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
const PEOPLE_HINT =
  /commander|\bIC\b|scribe|lead|author|written|review|owne|participant|responder|facilitator|thank|shout|kudos|contact/i;
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

/** Builds the document context from the frontmatter and the prose. */
export function buildDocContext(
  model: PostmortemModel,
  blocks: readonly ProseBlock[],
  allowed: Iterable<string>,
): DocContext {
  const ctx: DocContext = { people: new Map(), systems: new Set(), allowedNames: new Set([...allowed].map(normalise)) };
  const data = model.frontmatter?.data ?? {};
  for (const [key, value] of Object.entries(data)) {
    if (PEOPLE_KEYS.test(key)) {
      const role = /commander|^ic$/i.test(key) ? 'incident commander' : /scribe/i.test(key) ? 'scribe' : undefined;
      collectFrontmatterPeople(value, ctx, role);
    }
  }
  collectSystems(model, ctx);
  for (const block of blocks) {
    if (PEOPLE_HINT.test(block.text))
      for (const m of block.text.matchAll(PEOPLE_LINE)) {
        for (const part of m[1].split(/\s*(?:,|\band\b|&)\s*/)) {
          const name = part.trim();
          if (
            name &&
            !PRODUCTS.has(normalise(name.split(/\s+/)[0])) &&
            !ctx.systems.has(normalise(name.split(/\s+/)[0]))
          )
            addPerson(ctx, name);
        }
      }
    // "Harvey (our Slack deploy bot)", "the Vault cluster", "Zuul 3.2": words used for systems.
    if (block.text.includes('('))
      for (const m of block.text.matchAll(
        /\b(\p{Lu}[\p{L}\d-]*)\s*\((?:[^)]*\b(?:bot|service|tool|system|server|app|daemon|job|pipeline|ci)\b[^)]*)\)/gu,
      ))
        ctx.systems.add(normalise(m[1]));
    if (block.text.includes('the '))
      for (const m of block.text.matchAll(
        /\bthe (\p{Lu}[\p{L}\d-]*) (?:bot|cluster|service|server|pipeline|job|operator|controller|agent|api|daemon|instance|pods?|nodes?|deployment|app|integration|plugin)\b/gu,
      ))
        ctx.systems.add(normalise(m[1]));
  }
  return ctx;
}

/** Single words in code spans name systems (`jenkins`, `harvey`). */
function collectSystems(model: PostmortemModel, ctx: DocContext): void {
  const stack: { type: string; value?: string; children?: unknown[] }[] = [model.tree as never];
  while (stack.length > 0) {
    const node = stack.pop() as { type: string; value?: string; children?: unknown[] };
    if (node.type === 'inlineCode' && node.value && /^[\w.-]{2,40}$/.test(node.value))
      ctx.systems.add(normalise(node.value));
    if (node.children) for (const c of node.children) stack.push(c as never);
  }
}
