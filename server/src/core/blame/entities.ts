import { forms, type NounPhrase } from './grammar';
import {
  ADVERSARY_NOUNS,
  AMBIGUOUS_ROLE_NOUNS,
  brandWords,
  GROUP_ACRONYMS,
  isRoleNoun,
  NEGATIVE_PRONOUNS,
  PERSON_MODIFIERS,
  PERSON_PRONOUNS,
  PRODUCTS,
  ROLE_NOUNS,
  SYSTEM_NOUNS,
} from './lexicon';
import { honorificNameAt, initialNameAt, initialsAt, insideQuotes, loginAt } from './name-forms';
import { givenNames, namesAlsoWords, STRICT_NAMES } from './names';
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
  if (isPrintableAscii(word)) {
    const lower = word.toLowerCase();
    return lower.endsWith("'s") ? lower.slice(0, -2) : lower;
  }
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

function isPrintableAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

const TITLE_CASE = /^\p{Lu}[\p{Ll}\p{M}]+(?:-\p{L}[\p{Ll}\p{M}]*)?$/u;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

/** TITLE_CASE.test(word), without the regular expression for ASCII words: "Dave", "Jin-woo". */
export function isTitleCase(word: string): boolean {
  const n = word.length;
  for (let k = 0; k < n; k++) if (word.charCodeAt(k) >= 128) return TITLE_CASE.test(word);
  if (n < 2 || !isUpper(word.charCodeAt(0)) || !isLower(word.charCodeAt(1))) return false;
  let i = 2;
  while (i < n && isLower(word.charCodeAt(i))) i++;
  if (i === n) return true;
  // "-" and a letter, then lower-case letters to the end.
  if (word.charCodeAt(i) !== 45 || i + 1 >= n) return false;
  const c = word.charCodeAt(i + 1);
  if (!isUpper(c) && !isLower(c)) return false;
  i += 2;
  while (i < n && isLower(word.charCodeAt(i))) i++;
  return i === n;
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

const IRREGULAR_PAST =
  /^(?:ran|set|put|cut|hit|shut|let|broke|took|made|sent|left|lost|forgot|wrote|gave|did|brought|went|threw|upset|reset|re-ran)$/;

/**
 * A capitalised word that is no English word, no product and nothing the document calls a system, where the
 * grammar wants a person: the subject of a verb in the past ("Sigrun enabled…"), a possessor ("Lwazi's script"), an
 * apposition (", the on-call,"), or the agent after "by". Names no list holds are found this way.
 */
function unknownNameInContext(tokens: Token[], i: number, ctx: DocContext): boolean {
  const t = tokens[i];
  if (t.text.length < 2 || !isTitleCase(t.text)) return false;
  const facts = nameFacts(t.text);
  if (!facts || facts.product) return false;
  const { word } = facts;
  if (ctx.systems.has(word) || ctx.allowedNames.has(word) || SYSTEM_NOUNS.has(word) || ROLE_NOUNS.has(word))
    return false;
  // "after Ops changed the firewall": a team by its kind of work.
  if (PERSON_MODIFIERS.has(word) || GROUP_ACRONYMS.has(word) || isRoleNoun(word)) return false;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  const agentAfter =
    next &&
    (next.lower === "'s" ||
      next.lower === '’s' ||
      (next.pos === 'VERB' && (/ed$/.test(next.lower) || IRREGULAR_PAST.test(next.lower))) ||
      // The narrative present of a timeline or a chat log: "Wojtek admits he ran…", "Sione pushes the tag".
      (next.pos === 'VERB' && /[^s]s$/.test(next.lower) && next.lemma !== next.lower && !!prev) ||
      // "who" stands for a person: "It was Dolores who…", "Baz, who was on call, …".
      next.lower === 'who' ||
      // 'Jonno "fixed" the NTP config': a verb in scare quotes.
      (/^["“‘']$/.test(next.text) &&
        tokens[i + 2]?.pos === 'VERB' &&
        (/ed$/.test(tokens[i + 2].lower) || IRREGULAR_PAST.test(tokens[i + 2].lower))) ||
      // "Min-jun should have known better": hindsight about a person.
      (/^(?:should|could|would|must|might)$/.test(next.lower) && tokens[i + 2]?.lower === 'have') ||
      (next.text === ',' && /^(?:the|our|who|whose|you)$/.test(tokens[i + 2]?.lower ?? '')));
  const agentBefore =
    (prev?.lower === 'by' && tokens[i - 2]?.pos === 'VERB') ||
    // "Cheers, Gazza, for…", "Thanks a lot, Nikolai, for…": the one thanked (or thanked ironically) is a person.
    (prev?.text === ',' && (next?.text === ',' || next?.lower === 'for') && thankedBefore(tokens, i - 1)) ||
    // "Cheers Gaz for…"
    (!!prev && THANKS.test(prev.lower) && (next?.lower === 'for' || next?.text === ',')) ||
    // "operator Petrov", "contractor Mbeki": a surname after a role.
    (!!prev && prev.pos === 'NOUN' && isRoleNoun(prev.lower) && prev.end + 1 === t.start) ||
    // "The cause, in short, was Somchai.": the one a verdict names.
    (/^(?:was|is)$/.test(prev?.lower ?? '') &&
      tokens.slice(Math.max(0, i - 7), i - 1).some((x) => /^(?:cause|culprit|fault|trigger|reason)$/.test(x.lower))) ||
    // "down to Gaz pulling the wrong feed", "because of Baz running…": a cause phrase, then what the person did.
    (causalPreposition(tokens, i) && next?.pos === 'VERB' && next.lower.endsWith('ing'));
  if (!agentAfter && !agentBefore) return false;
  if (!isEnglishWord(word)) return true;
  // Short names are often words too ("Mo", "Ben", "Jo"): capitalised inside the sentence (or possessive at its
  // start) where a person acts, and no word for a team or a role, they are a nickname.
  // Capitalised after a word, not where an entry starts ("11:05 Fix deployed"), or possessive.
  const midSentence = !!prev && /^[\p{L}]/u.test(prev.text) && prev.pos !== 'NUM';
  return word.length <= 3 && t.pos === 'PROPN' && (midSentence || next?.lower === "'s" || next?.lower === '’s');
}

/** Whether the words up to the comma at `comma` are thanks or praise said to someone: "Cheers,", "Thanks a lot,". */
function thankedBefore(tokens: Token[], comma: number): boolean {
  let k = comma - 1;
  // "Thanks a lot", "thank you so much", "Cheers mate"
  while (k > 0 && k > comma - 4 && !THANKS.test(tokens[k].lower)) k--;
  if (!THANKS.test(tokens[k]?.lower ?? '')) return false;
  return k === 0 || /^[^\p{L}]/u.test(tokens[k - 1].text);
}

/** Whether the words before token `i` end a cause phrase: "down to", "due to", "because of", "thanks to". */
function causalPreposition(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]?.lower;
  const before = tokens[i - 2]?.lower ?? '';
  return (
    (prev === 'to' && /^(?:down|due|owing|thanks|back|attributed|attributable)$/.test(before)) ||
    (prev === 'of' && /^(?:because|fault|result)$/.test(before)) ||
    prev === 'by'
  );
}

/** Lower-case honorifics written after a name. */
const HONORIFICS = /^(?:sir|madam|ma'am|ji|san|sahib|saab|bhai|didi|sensei)$/;

/**
 * A given name that is also a word ("Grace", "Hope", "Rich") is a name where the grammar says so: a surname follows,
 * a possessive ("Grace's change"), an apposition ("Hope, the on-call,"), or a verb of which it is the subject.
 */
function wordNameInContext(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  // "Kudos to Brad for…", "Thanks, Hope, for…", "Thanks a lot, Ray — …": the one thanked is a person.
  const thanked = tokens[i - 1]?.lower === 'to' || tokens[i - 1]?.text === ',' ? tokens[i - 2] : tokens[i - 1];
  const afterThanks = next?.lower === 'for' || next?.text === ',' || /^[—–]$/.test(next?.text ?? '');
  if (thanked && THANKS.test(thanked.lower) && afterThanks) return true;
  if (tokens[i - 1]?.text === ',' && afterThanks && thankedBefore(tokens, i - 1)) return true;
  // "it was Miles killing the leader pod", "It was Art who…": the one a cleft picks out.
  if (
    /^(?:was|is)$/.test(tokens[i - 1]?.lower ?? '') &&
    tokens[i - 2]?.lower === 'it' &&
    (next?.lower === 'who' || (next?.pos === 'VERB' && next.lower.endsWith('ing')))
  )
    return true;
  if (STRICT_NAMES.has(normalise(tokens[i].text))) return strictNameInContext(tokens, i);
  // "It's on Malik", "the outage is on Hope": a failure put on someone.
  if (tokens[i - 1]?.lower === 'on' && /^(?:'s|’s|is|was)$/.test(tokens[i - 2]?.lower ?? '')) return true;
  if (!next) return false;
  if (next.lower === "'s" || next.lower === '’s') return true;
  if (isTitleCase(next.text) && !PRODUCTS.has(normalise(next.text)) && !SYSTEM_NOUNS.has(next.lower))
    return tokens[i + 2]?.pos === 'VERB' || tokens[i + 2]?.lower === "'s" || tokens[i + 2]?.text === ',';
  // "Hope, the on-call, …", "Ana, you broke prod": an apposition, or the person spoken to.
  if (next.text === ',') return /^(?:the|our|you)$/.test(tokens[i + 2]?.lower ?? '');
  // "Honestly Grace was careless…": a capitalised word-name inside the sentence, subject of a finite auxiliary.
  if (
    i > 0 &&
    next.pos === 'AUX' &&
    /^(?:was|is|had|has|did|were)$/.test(next.lower) &&
    !/^(?:the|a|an|our|this|that)$/.test(tokens[i - 1].lower)
  )
    return true;
  return (
    next.pos === 'VERB' &&
    /(?:ed|[^s]s)$|^(?:ran|ran|put|set|cut|hit|shut|let|made|took|broke|brought|went|sent|left|lost|forgot|wrote|gave|did)$/.test(
      next.lower,
    )
  );
}

const THANKS = /^(?:thanks|thank|cheers|kudos|props|shout-?out|ta)$/;

/** Verbs whose subject is as often a time as a person: "May saw record traffic", "June brought two outages". */
const TIME_SUBJECT_VERBS = /^(?:saw|brought|marked|was|had|began|started|ended|came|followed|showed|went|passed)$/;

/**
 * A name that is also a modal, a month or a verb ("Will", "May", "Grant"), as the subject of a change in the past
 * with its object: "Will dropped the `sessions` table", "Grant revoked the role's grants".
 */
function strictNameInContext(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  const object = tokens[i + 2];
  if (!next || !object || TIME_SUBJECT_VERBS.test(next.lower)) return false;
  const past = /[^e]ed$|[^aeiou]ed$/.test(next.lower) || IRREGULAR_PAST.test(next.lower);
  const prev = tokens[i - 1];
  const start =
    !prev || /^[^\p{L}\p{N}]/u.test(prev.text) || /^(?:and|but|then|because|when|after|so)$/.test(prev.lower);
  return (
    past &&
    start &&
    (next.pos === 'VERB' || next.pos === 'ADJ' || next.pos === 'NOUN') &&
    (/^(?:the|a|an|all|every|our|its|their|his|her|both)$/.test(object.lower) || object.text === '`')
  );
}

/** What the word lists say about a capitalised word, whatever the document. */
interface NameFacts {
  /** The word, normalised. */
  word: string;
  product: boolean;
  /** A given name (or its first part is: "Jin-woo"). */
  firstName: boolean;
  /** A given name that is also an English word ("Grace", "Hope"): a name only in context. */
  wordName: boolean;
}

/**
 * NameFacts by word (null: not a capitalised word), kept across documents since the same words come back (the
 * first words of sentences, above all). Bounded; and only short words, which V8 copies out of the text they come
 * from rather than keeping the text alive.
 */
const NAME_FACTS = new Map<string, NameFacts | null>();
const NAME_FACTS_LIMIT = 20_000;
const NAME_FACTS_MAX_LENGTH = 12;

function nameFacts(text: string): NameFacts | null {
  let facts = NAME_FACTS.get(text);
  if (facts !== undefined) return facts;
  if (!isTitleCase(text)) facts = null;
  else {
    const word = normalise(text);
    const dash = word.indexOf('-');
    facts = {
      word,
      product: PRODUCTS.has(word) || (brandWords().has(word) && !namesAlsoWords().has(word) && !givenNames().has(word)),
      firstName: givenNames().has(word) || (dash !== -1 && givenNames().has(word.slice(0, dash))),
      wordName: namesAlsoWords().has(word) || (dash !== -1 && namesAlsoWords().has(word.slice(0, dash))),
    };
  }
  if (text.length <= NAME_FACTS_MAX_LENGTH) {
    if (NAME_FACTS.size >= NAME_FACTS_LIMIT) NAME_FACTS.clear();
    NAME_FACTS.set(text, facts);
  }
  return facts;
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
