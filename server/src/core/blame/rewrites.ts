import type { BlameFinding } from './analysis';
import { subjectOf } from './grammar';
import { winkTagger } from './nlp';
import { sourceOffset } from './prose';
import { repairTags } from './tag-repair';
import { type Token, tagTokens } from './tokens';

/**
 * Systems-focused rewrites for judgment and hindsight wording, offered before the allow-list and disable fixes.
 * Each is a pattern whose rewrite reads correctly wherever it matches: a verdict word that only modifies
 * ("a careless change" → "a change"), a sentence adverb or minimizer ("obviously", "just had to", "all it took
 * was"), a hindsight passive stated as what happened ("should have been addressed" → "was not addressed"),
 * "should have caught X in review" → "Review did not catch X", and "If only …" / "Why didn't …?" as the
 * local-rationality question ("What made it hard at the time for … to …?"). Anything else gets no rewrite.
 *
 * A rewrite is computed on the sentence's plain text and offered only when that span maps onto the source
 * character for character (no markup inside it), so the edit replaces exactly the words it names.
 */
export interface Rewrite {
  title: string;
  /** Source offsets of the replaced span. */
  start: number;
  end: number;
  text: string;
}

/** A replacement in sentence-text offsets, before it is mapped to the source. */
interface Change {
  from: number;
  to: number;
  text: string;
  title: string;
}

export function sentenceRewrites(source: string, finding: BlameFinding): Rewrite[] {
  const { sentence, cue } = finding;
  const change =
    finding.kind === 'judgment'
      ? judgmentRewrite(sentence.text, cue.start, cue.end, cue.reason)
      : finding.kind === 'counterfactual'
        ? counterfactualRewrite(sentence.text, cue.start, cue.end, cue.reason)
        : undefined;
  if (!change) return [];
  const block = sentence.block;
  const start = sourceOffset(block, sentence.blockStart + change.from);
  const end = change.to > change.from ? sourceOffset(block, sentence.blockStart + change.to - 1) + 1 : start;
  // The sentence's text and the source must agree on every character of the span: no markup, escape or entity
  // inside it, or the edit would not replace exactly these words.
  if (source.slice(start, end) !== sentence.text.slice(change.from, change.to)) return [];
  return [{ title: change.title, start, end, text: change.text }];
}

function tokensOf(text: string): Token[] {
  const tokens = tagTokens(text, winkTagger);
  repairTags(tokens);
  return tokens;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Whether `offset` is where the sentence's words start (after leading spaces, quotes or brackets). */
function atSentenceStart(text: string, offset: number): boolean {
  return /^[\s"“'‘(]*$/.test(text.slice(0, offset));
}

/**
 * Removes the word(s) at [from, to) of a sentence, with the commas and space that set them off, keeping the
 * sentence's grammar: a capital moves to the next word at the start, ", obviously," leaves one space, a
 * trailing ", obviously." leaves the full stop, and "a" / "an" before the removed word agree with the next one.
 */
function removal(text: string, from: number, to: number, title: string): Change | undefined {
  const after = /^,?[ \t]+/.exec(text.slice(to))?.[0];
  const next = /^[\p{L}\p{N}@`"“(]/u.test(text.slice(to + (after?.length ?? 0)));
  if (atSentenceStart(text, from)) {
    if (after === undefined || !next) return undefined;
    const nextWord = to + after.length;
    const letter = text.charAt(nextWord);
    // A capitalised word stays capitalised; the first word of the sentence now starts it.
    return { from, to: nextWord + 1, text: upperFirst(letter), title };
  }
  const before = gapBefore(text, from);
  if (before === undefined) return undefined;
  if (before.startsWith(',') && after?.startsWith(',')) {
    // "was, obviously, wrong" → "was wrong".
    return { from: from - before.length, to: to + after.length - 1, text: '', title };
  }
  if (after !== undefined && next && !after.startsWith(',')) {
    // "a careless change" → "a change"; "an incompetent review" → "a review".
    const article = /(?:^|[\s(])(an?|An?)[ \t]+$/.exec(text.slice(0, from));
    if (article) {
      const articleStart = from - article[0].length + article[0].indexOf(article[1]);
      const word = /^[\p{L}\p{N}]+/u.exec(text.slice(to + after.length))?.[0] ?? '';
      const fixed = articleFor(word, article[1]);
      if (fixed !== article[1]) return { from: articleStart, to: to + after.length, text: `${fixed} `, title };
    }
    return { from, to: to + after.length, text: '', title };
  }
  // "…wrong, obviously." → "…wrong."
  if (/^[.!?;:)]/.test(text.slice(to))) return { from: from - before.length, to, text: '', title };
  return undefined;
}

/** The spaces (and a comma before them) that end `text.slice(0, at)`, or undefined when there are no spaces. */
function gapBefore(text: string, at: number): string | undefined {
  let i = at;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  if (i === at) return undefined;
  if (text[i - 1] === ',') i--;
  return text.slice(i, at);
}

/** "a" or "an" before `word`, in the case of `article`. */
function articleFor(word: string, article: string): string {
  const lower = word.toLowerCase();
  const vowelSound =
    /^(?:[aeio]|u(?!ni|s[aeiu]|ti|r[aeiou]|k))/.test(lower) ||
    /^(?:hour|honest|honou?r|heir)/.test(lower) ||
    /^[aefhilmnorsx]$/.test(lower) ||
    (/^[A-Z]{2,}$/.test(word) && /^[AEFHILMNORSX]/.test(word));
  const wanted = vowelSound && !/^(?:one|once|eu|ewe)/.test(lower) ? 'an' : 'a';
  return article.charAt(0) === 'A' ? upperFirst(wanted) : wanted;
}

/** Word endings of judgment nouns ("laziness", "negligence"): the noun carries the sentence, it cannot be dropped. */
const NOUN_ENDING = /(?:ness|ence|ance|ity|ism|ship|ment|tion)$/;
const COPULAS = new Set(['be', 'seem', 'look', 'become', 'get', 'feel', 'appear', 'remain', 'stay', 'sound']);

/**
 * Judgment: only a verdict word that modifies another word can go, and the sentence still says the same about
 * what happened: "made a careless change" → "made a change", "Sloppy review let it through" → "Review let it
 * through", "carelessly pushed" → "pushed". Not a predicate ("was careless"), not one of coordinated words
 * ("quick and careless"), not a noun ("an act of laziness"), not a phrase ("cut corners").
 */
function judgmentRewrite(text: string, start: number, end: number, reason: string): Change | undefined {
  if (reason !== 'word') return undefined;
  const tokens = tokensOf(text);
  const i = tokens.findIndex((t) => t.start === start);
  if (i < 0 || tokens[i].end !== end) return undefined;
  const tok = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (next?.kind !== 'word' || NOUN_ENDING.test(tok.lower) || tok.lower.includes('-')) return undefined;
  // Degree words and coordination ("very careless", "quick and careless", "rushed, careless") belong with it.
  if (prev && (prev.pos === 'ADV' || prev.pos === 'CCONJ' || prev.kind === 'punct' || COPULAS.has(prev.lemma)))
    if (!(prev.kind === 'punct' && /^["“(]$/.test(prev.text))) return undefined;
  const adverb = tok.lower.endsWith('ly');
  const modifies = adverb
    ? next.pos === 'VERB' || next.pos === 'ADJ'
    : next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ';
  if (!modifies) return undefined;
  return removal(text, start, end, `Remove "${tok.text}"`);
}

const HINDSIGHT_ADVERB = /^(?:clearly|obviously|naturally|of course|needless to say|evidently|plainly),?$/i;
const CATCH_VERBS: Record<string, string> = {
  caught: 'catch',
  spotted: 'spot',
  noticed: 'notice',
  detected: 'detect',
  found: 'find',
  flagged: 'flag',
};
/** Where a change is checked before it ships: "in review" → "Review did not catch it". */
const CHECK_STAGE =
  /^[ \t]+(?:in|during|by)[ \t]+((?:the[ \t]+)?(?:code[ \t]+review|review|testing|tests|CI|QA|canary|canary analysis))\b/;
/** A short subject or object: a pronoun, or a determiner and up to two words. */
const SHORT_NP =
  /^(?:this|that|it|these|those|(?:the|this|that|these|those|our|a|an)[ \t]+[\p{L}\p{N}-]+(?:[ \t]+[\p{L}\p{N}-]+)?)$/iu;
const PERSON_SUBJECT =
  /^(?:we|I|they|he|she|you|someone|somebody|(?:the|our|a|an)[ \t]+[\p{L}-]+(?:[ \t]+[\p{L}-]+)?)$/iu;

function counterfactualRewrite(text: string, start: number, end: number, reason: string): Change | undefined {
  const phrase = text.slice(start, end);
  if ((reason === 'obvious' || reason === 'hindsight') && HINDSIGHT_ADVERB.test(phrase)) {
    const word = phrase.replace(/,$/, '');
    return removal(text, start, start + word.length, `Remove "${word}"`);
  }
  if (reason === 'minimizer') {
    const m = /^(just|simply|only)[ \t]+(?:had|needed|has|needs|need|have)[ \t]+to$/i.exec(phrase);
    if (m) return removal(text, start, start + m[1].length, `Remove "${m[1]}"`);
    const all = /^(all)[ \t]+it[ \t]+(took|takes)[ \t]+(?:was|is)[ \t]+/i.exec(text.slice(start));
    if (all) {
      const it = all[1] === 'All' ? 'It' : 'it';
      return {
        from: start,
        to: start + all[0].length,
        text: `${it} ${all[2]} `,
        title: `Rewrite as "${it} ${all[2]}"`,
      };
    }
    return undefined;
  }
  if (reason === 'if-only' && start === firstWord(text)) return ifOnlyQuestion(text, start);
  if (reason === 'why' && start === firstWord(text)) return whyQuestion(text, start);
  if (reason === 'should-have' || reason === 'passive') return shouldHaveRewrite(text, start, end, reason);
  return undefined;
}

function firstWord(text: string): number {
  return /^[\s"“'‘(]*/.exec(text)?.[0].length ?? 0;
}

/** The end of the sentence's words (before its final punctuation and spaces), and the punctuation found. */
function sentenceEnd(text: string): { end: number; mark: string } {
  let close = text.length;
  while (close > 0 && /[\s"”'’)]/.test(text[close - 1])) close--;
  let end = close;
  while (end > 0 && '.!?'.includes(text[end - 1])) end--;
  return { end, mark: text.slice(end, close) };
}

const OBJECT_PRONOUN: Record<string, string> = { we: 'us', i: 'me', they: 'them', he: 'him', she: 'her', you: 'you' };

/** "the on-call", "we" → "for the on-call", "for us"; nobody → "" (the question is then about anyone). */
function forWhom(np: string): string | undefined {
  const lower = np.toLowerCase();
  if (/^(?:nobody|no one|no-one)$/.test(lower)) return '';
  if (lower in OBJECT_PRONOUN) return ` for ${OBJECT_PRONOUN[lower]}`;
  if (!PERSON_SUBJECT.test(np) || /^(?:it|this|that)$/i.test(np)) return undefined;
  return ` for ${/^(?:The|Our|A|An)\s/.test(np) ? lowerFirst(np) : np}`;
}

/**
 * "If only the on-call had rolled back sooner." → "What made it hard at the time for the on-call to roll back
 * sooner?"; "If only we had not deployed on a Friday." → "What made it reasonable at the time for us to deploy on
 * a Friday?". Only a sentence that is the wish alone (no comma clause after it).
 */
function ifOnlyQuestion(text: string, start: number): Change | undefined {
  const { end, mark } = sentenceEnd(text);
  if (mark !== '' && mark !== '.' && mark !== '!') return undefined;
  const body = text.slice(start, end);
  const opening = /^if[ \t]+only[ \t]+/i.exec(body);
  if (!opening) return undefined;
  const wish = body.slice(opening[0].length);
  const had = /[ \t](?:had|['’]d)[ \t]+/.exec(wish);
  if (!had) return undefined;
  const np = wish.slice(0, had.index);
  const m = /^(not[ \t]+|never[ \t]+)?(been[ \t]+)?([\p{L}-]+)/iu.exec(wish.slice(had.index + had[0].length));
  if (!m) return undefined;
  const [head, negated, been, verb] = m;
  const rest = wish.slice(had.index + had[0].length + head.length);
  if (/[,;:()"“”]/.test(rest)) return undefined;
  const who = forWhom(np);
  if (who === undefined || who === '') return undefined;
  let base: string;
  if (been) base = `be ${verb}`;
  else {
    const tokens = tokensOf(text);
    const v = tokens.find((t) => t.text === verb && t.start > start + opening[0].length + np.length);
    if (v?.pos !== 'VERB' || !/^[a-z]+$/.test(v.lemma)) return undefined;
    base = v.lemma;
  }
  const what = negated ? 'reasonable' : 'hard';
  const question = `What made it ${what} at the time${who} to ${base}${rest}?`;
  return { from: start, to: end + mark.length, text: question, title: `Rewrite as "${truncate(question)}"` };
}

/** Role words that are also verbs or stand after another noun: "lead", "owner", "staff". */
const AMBIGUOUS_ROLE = /^(?:leads?|owners?|staff|person|people|folks|on-call)\b/i;

/**
 * The forms of a rhetorical "why" with their subject: a pronoun, or a determiner, a word and maybe a role word
 * ("the on-call engineer").
 */
const WHY_FORMS: { re: RegExp; lapse: boolean }[] = [
  // "Why didn't the on-call roll back", "Why couldn't we see the graph"
  {
    re: /^(?:why|how)[ \t]+(?:did|could)(?:n['’]t|[ \t]+not)[ \t]+(we|I|they|he|she|you|(?:the|our|a|an)[ \t]+[\p{L}-]+(?:[ \t]+(?:engineers?|developers?|teams?|reviewers?|responders?|operators?|admins?|managers?|commanders?|members?|SREs?))?)[ \t]+/iu,
    lapse: false,
  },
  // "Why did the on-call not roll back", "How did we never notice"
  {
    re: /^(?:why|how)[ \t]+did[ \t]+(we|I|they|he|she|you|(?:the|our|a|an)[ \t]+[\p{L}-]+(?:[ \t]+(?:engineers?|developers?|teams?|reviewers?|responders?|operators?|admins?|managers?|commanders?|members?|SREs?))?)[ \t]+(?:not|never)[ \t]+/iu,
    lapse: false,
  },
  // "Why did the developer forget to check", "How did the team fail to see"
  {
    re: /^(?:why|how)[ \t]+did[ \t]+(we|I|they|he|she|you|(?:the|our|a|an)[ \t]+[\p{L}-]+(?:[ \t]+(?:engineers?|developers?|teams?|reviewers?|responders?|operators?|admins?|managers?|commanders?|members?|SREs?))?)[ \t]+(?:forget|fail)[ \t]+to[ \t]+/iu,
    lapse: true,
  },
  // "How did nobody notice"
  { re: /^(?:why|how)[ \t]+did[ \t]+(nobody|no one|no-one)[ \t]+/i, lapse: false },
];

/**
 * "Why didn't the on-call roll back?" → "What made it hard at the time for the on-call to roll back?"; "Why did
 * the developer forget to check …?" → "What made it hard at the time for the developer to remember to check …?";
 * "How did nobody notice …?" → "What made it hard at the time to notice …?".
 */
function whyQuestion(text: string, start: number): Change | undefined {
  const { end, mark } = sentenceEnd(text);
  if (mark !== '?') return undefined;
  const body = text.slice(start, end);
  for (const { re, lapse } of WHY_FORMS) {
    const m = re.exec(body);
    if (!m) continue;
    const who = forWhom(m[1]);
    const rest = body.slice(m[0].length);
    // What follows is the verb and its words, in one clause; a role word there may belong to the subject ("the
    // team lead roll back"), which cannot then be told from the verb.
    if (AMBIGUOUS_ROLE.test(rest)) return undefined;
    if (who === undefined || !/^[a-z][\p{L}-]*(?:[ \t]|$)/u.test(rest) || /[,;:()"“”]/.test(rest)) return undefined;
    const question = `What made it hard at the time${who} to ${lapse ? 'remember to ' : ''}${rest}?`;
    return { from: start, to: end + mark.length, text: question, title: `Rewrite as "${truncate(question)}"` };
  }
  return undefined;
}

/**
 * "should have been addressed" → "was not addressed", "should not have been deployed" → "was deployed" (the
 * fact without the verdict; "were" for a plural subject); "This should have been caught in review." and "We should
 * have caught this in review." → "Review did not catch this.". "could have" is about possibility and has none.
 */
function shouldHaveRewrite(text: string, start: number, end: number, reason: string): Change | undefined {
  const phrase = text.slice(start, end);
  const after = text.slice(end);
  if (reason === 'should-have') {
    // Active: "We should have caught this in review" (the subject opens the sentence).
    if (!/^should[ \t]+(?:have|['’]ve)$/i.test(phrase)) return undefined;
    const subject = text.slice(firstWord(text), start).trim();
    const verb = /^[ \t]+(caught|spotted|noticed|detected|found|flagged)[ \t]+/i.exec(after);
    if (!verb || !PERSON_SUBJECT.test(subject)) return undefined;
    const objectAndStage = after.slice(verb[0].length);
    const at = /[ \t](?:in|during|by)[ \t]/.exec(objectAndStage);
    const object = at ? objectAndStage.slice(0, at.index).trim() : '';
    if (!at || !SHORT_NP.test(object)) return undefined;
    const stage = CHECK_STAGE.exec(objectAndStage.slice(at.index));
    if (!stage) return undefined;
    const to = end + verb[0].length + at.index + stage[0].length;
    return stageChange(text, firstWord(text), to, stage[1], CATCH_VERBS[verb[1].toLowerCase()], object);
  }
  const m =
    /^(?:should(?:[ \t]+not|n['’]t)?|ought[ \t]+(?:not[ \t]+)?to)[ \t]+(?:have|['’]ve)[ \t]+been[ \t]+([a-z-]+)$/i.exec(
      phrase,
    );
  if (!m) return undefined;
  const negated = /n['’]t|[ \t]not[ \t]/i.test(phrase);
  const participle = m[1];
  const catchVerb = CATCH_VERBS[participle.toLowerCase()];
  const stage = CHECK_STAGE.exec(after);
  const subject = text.slice(firstWord(text), start).trim();
  if (catchVerb && stage && !negated && SHORT_NP.test(subject)) {
    // "This should have been caught in review." → "Review did not catch this."
    return stageChange(text, firstWord(text), end + stage[0].length, stage[1], catchVerb, subject);
  }
  const number = subjectNumber(text, start);
  if (!number) return undefined;
  const verb = number === 'plural' ? 'were' : 'was';
  const replacement = `${verb}${negated ? '' : ' not'} ${participle}`;
  return { from: start, to: end, text: replacement, title: `Rewrite as "${replacement}"` };
}

function stageChange(
  text: string,
  from: number,
  to: number,
  stage: string,
  verb: string,
  object: string,
): Change | undefined {
  const subject = /^(?:this|that|it|these|those|the|a|an|our)\b/i.test(object) ? lowerFirst(object) : object;
  const who = atSentenceStart(text, from) ? upperFirst(stage) : stage;
  const replacement = `${who} did not ${verb} ${subject}`;
  return { from, to, text: replacement, title: `Rewrite as "${replacement}"` };
}

/** Whether the subject of the modal at `start` is singular or plural ("which" takes its antecedent's number). */
function subjectNumber(text: string, start: number): 'singular' | 'plural' | undefined {
  const tokens = tokensOf(text);
  const modal = tokens.findIndex((t) => t.start === start);
  if (modal < 0) return undefined;
  const np = subjectOf(tokens, modal);
  if (!np) return undefined;
  const head = tokens[np.head];
  if (/^(?:we|they|these|those|you)$/.test(head.lower)) return 'plural';
  if (/^(?:i|he|she|it|this|that|which|who)$/.test(head.lower)) return 'singular';
  if (head.pos === 'PROPN') return 'singular';
  if (head.pos !== 'NOUN') return undefined;
  return head.lower !== head.lemma && head.lower.endsWith('s') ? 'plural' : 'singular';
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
}
