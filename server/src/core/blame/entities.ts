import { KNOWN_ACRONYMS } from '../acronyms/known';
import { forms, type NounPhrase } from './grammar';
import {
  ADVERSARY_NOUNS,
  AMBIGUOUS_ROLE_NOUNS,
  GROUP_ACRONYMS,
  isRoleNoun,
  NEGATIVE_PRONOUNS,
  PERSON_MODIFIERS,
  PERSON_PRONOUNS,
  PRODUCTS,
  ROLE_NOUNS,
  SYSTEM_NOUNS,
} from './lexicon';
import { HONORIFICS, unknownNameInContext, wordNameInContext } from './name-context';
import { isTitleCase, nameFacts, normalise } from './name-facts';
import { honorificNameAt, initialNameAt, initialsAt, insideQuotes, loginAt } from './name-forms';
import { isEnglishWord } from './nlp';
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

export { isTitleCase, normalise };

export type EntityKind = 'name' | 'person' | 'group' | 'system' | 'adversary';

export interface Entity {
  kind: EntityKind;
  /** For names: token range [start, end) of the full name ("Mei Lin"). */
  name?: { start: number; end: number };
  /** The phrase denies an agent ("nobody", "no one"). */
  negative?: boolean;
}

const BOT_HANDLE = /(?:bot|\[bot\]|-ci|-actions|automation|deploy|renovate|dependabot|snyk|github-actions)$/i;
const GROUP_HANDLE =
  /^@(?:here|channel|everyone|all|team|oncall|on-call)$|[-_.](?:team|oncall|on-call|sre|ops|devs|admins|eng|engineering|support|owners|maintainers|reviewers)$|^@(?:sre|ops|devops|platform|infra|security|primary|secondary)\b/i;

let acronyms: Set<string> | undefined;
/** The acronyms readers know (generated, core/acronyms/known.ts), lower case. */
function knownAcronymSet(): ReadonlySet<string> {
  acronyms ??= new Set(KNOWN_ACRONYMS.trim().split(/\s+/));
  return acronyms;
}

/** Whether an @handle names one person (not a bot or a group). */
export function isPersonHandle(handle: string): boolean {
  // An e-mail address: a shared mailbox or a robot's is no person.
  if (handle.charCodeAt(0) !== 64 && handle.includes('@'))
    return !/^(?:no-?reply|do-?not-?reply|alerts?|alerting|notifications?|notify|ci|builds?|deploy(?:s|er)?|support|ops|sre|devops|on-?call|team|admin|root|postmaster|security|billing|info|hello|help|monitoring|pagerduty|jenkins|bot)@/i.test(
      handle,
    );
  return !BOT_HANDLE.test(handle) && !GROUP_HANDLE.test(handle);
}

/** Whether a capitalised word is a given name we know, or a person the document names. */
export function isKnownName(token: Pick<Token, 'text'>, ctx: DocContext): boolean {
  return isKnownWord(token.text, ctx);
}

/** `isKnownName` for a word. */
export function isKnownWord(text: string, ctx: DocContext, alsoWords = false): boolean {
  // Most words start with a lower-case letter, a digit or punctuation: not a name, no need to look further.
  const c = text.charCodeAt(0);
  if (c < 128 && !(c >= 65 && c <= 90)) return false;
  const facts = nameFacts(text);
  if (!facts) return false;
  const { word } = facts;
  if (ctx.allowedNames.has(word) || ctx.systems.has(word) || facts.product) return false;
  if (ctx.people.has(word)) return true;
  return facts.firstName || (alsoWords && facts.wordName);
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
    // "<@Sipho Ndlovu>": a Slack mention by display name takes the words up to its closing bracket.
    let end = i + 1;
    if (tokens[i - 1]?.text === '<') {
      let k = end;
      while (k < end + 3 && tokens[k] && isTitleCase(tokens[k].text)) k++;
      if (tokens[k]?.text === '>') end = k;
    }
    return { start: i, end };
  }
  const isThing = (x: Token) =>
    PRODUCTS.has(normalise(x.text)) || SYSTEM_NOUNS.has(x.lower) || ctx.systems.has(normalise(x.text));
  const initials =
    initialsAt(tokens, i) ??
    loginAt(tokens, i) ??
    honorificNameAt(tokens, i, isThing) ??
    initialNameAt(
      tokens,
      i,
      (x) => isKnownWord(x.text, ctx) || (isTitleCase(x.text) && !isThing(x) && !isEnglishWord(normalise(x.text))),
    );
  if (initials) return initials;
  // "MK deleted the namespace", "thanks to MK's alias": two or three capitals no reader knows as an acronym, where a
  // person acts, are a person's initials.
  if (
    /^\p{Lu}{2,3}$/u.test(t.text) &&
    !knownAcronymSet().has(t.lower) &&
    !isRoleNoun(t.lower) &&
    !GROUP_ACRONYMS.has(t.lower) &&
    !ROLE_NOUNS.has(t.lower) &&
    !isThing(t) &&
    !/^(?:the|a|an|our|their|your|its)$/.test(tokens[i - 1]?.lower ?? '') &&
    ((/^['’]s$/.test(tokens[i + 1]?.text ?? '') && tokens[i + 2]?.pos === 'NOUN') ||
      (tokens[i + 1]?.pos === 'VERB' &&
        /ed$/.test(tokens[i + 1].lower) &&
        /^(?:DET|PRON|NUM)$/.test(tokens[i + 2]?.pos ?? '')))
  )
    return { start: i, end: i + 1 };
  // "It was JP who flipped…", "TK, who was on call, …": capitals a relative "who" stands for are a person's initials
  // (not a role or a team: "the SRE who", "NOC, who").
  if (
    /^\p{Lu}{2,3}$/u.test(t.text) &&
    (tokens[i + 1]?.lower === 'who' || (tokens[i + 1]?.text === ',' && tokens[i + 2]?.lower === 'who')) &&
    !isRoleNoun(t.lower) &&
    !GROUP_ACRONYMS.has(t.lower) &&
    !ROLE_NOUNS.has(t.lower) &&
    !isThing(t) &&
    !/^(?:the|a|an|our|their|your|its)$/.test(tokens[i - 1]?.lower ?? '')
  )
    return { start: i, end: i + 1 };
  if (
    !isKnownName(t, ctx) &&
    !(isKnownWord(t.text, ctx, true) && wordNameInContext(tokens, i)) &&
    !unknownNameInContext(tokens, i, ctx)
  )
    return undefined;
  const prev = tokens[i - 1];
  // "São Paulo", "San Jose", "Port Louis": a capitalised word before a name (not the first of the sentence) makes
  // it a place or an organisation.
  if (prev && i - 1 > 0 && isTitleCase(prev.text) && !isKnownWord(prev.text, ctx, true) && prev.end + 1 === t.start)
    return undefined;
  // "OP Mainnet", "AWS Lambda": an acronym right before the word names a product or a network, unless it is a role
  // ("SRE Dana", "CTO Maria").
  if (prev && /^\p{Lu}{2,}$/u.test(prev.text) && prev.end + 1 === t.start && !isRoleNoun(prev.lower)) return undefined;
  // "Our Slack bot, Marvin, …": a name given to a system.
  if (prev?.text === ',' && /^(?:bot|robot|assistant|tool|app|agent|service|script)$/.test(tokens[i - 2]?.lower ?? ''))
    return undefined;
  // "The chat bot Jarvis kept posting…": a name right after a word for a system.
  if (
    prev &&
    prev.end + 1 === t.start &&
    /^(?:bot|chatbot|robot|assistant|model|classifier|agent|service|script)$/.test(prev.lower)
  )
    return undefined;
  // "Watson, the ticket-triage model, misrouted…": a name whose apposition calls it a system.
  if (tokens[i + 1]?.text === ',' && /^(?:the|our|a|an)$/.test(tokens[i + 2]?.lower ?? '')) {
    for (let k = i + 3; k < Math.min(tokens.length, i + 8) && tokens[k].text !== ','; k++)
      if (
        /^(?:bot|chatbot|robot|assistant|model|classifier|service|script|tool|job|daemon|pipeline|system|app|cron|scheduler|ai|llm)$/.test(
          tokens[k].lower,
        ) &&
        (tokens[k + 1]?.text === ',' || tokens[k + 1]?.text === '—')
      )
        return undefined;
  }
  // Inside quotation marks: a quoted chat line or a phrase under discussion, not this review's own account.
  if (insideQuotes(tokens, i)) return undefined;
  if (prev && (prev.lower === 'the' || prev.lower === 'a' || prev.lower === 'an' || prev.lower === 'our'))
    return undefined;
  let end = i + 1;
  // A surname: the next capitalised words (two at most: "Nguyễn Văn Tuấn"), unless a product or a system noun.
  const surname = (x: Token | undefined) =>
    !!x && isTitleCase(x.text) && !PRODUCTS.has(normalise(x.text)) && !SYSTEM_NOUNS.has(x.lower);
  if (surname(tokens[end])) end++;
  if (end === i + 2 && surname(tokens[end]) && tokens[end].pos === 'PROPN' && tokens[end + 1]?.pos === 'VERB') end++;
  // "Nikolai P.": an initial after the given name is its surname.
  if (
    end === i + 1 &&
    /^\p{Lu}$/u.test(tokens[end]?.text ?? '') &&
    tokens[end].start === t.end + 1 &&
    tokens[end + 1]?.text === '.' &&
    tokens[end + 1].start === tokens[end].end
  )
    end += 2;
  // "Sanjeev sir", "Tanaka san": an honorific after the name is part of it.
  if (HONORIFICS.test(tokens[end]?.text ?? '')) end++;
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
  // The hand list first (it knows the ambiguous roles), then WordNet's person nouns by lemma, form or singular.
  const role =
    lemmas.find((l) => ROLE_NOUNS.has(l)) ?? lemmas.slice(0, head.endsWith('s') ? 3 : 2).find((l) => isRoleNoun(l));
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
    const group =
      [
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
        'support',
        'office',
        'desk',
        'helpdesk',
        'help-desk',
        'servicedesk',
      ].includes(role) || GROUP_ACRONYMS.has(role);
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
