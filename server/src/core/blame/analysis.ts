import {
  type BlockCues,
  keptBlockCues,
  keptCues,
  keptNameLook,
  keptProseBlocks,
  moveBlock,
  sharedContext,
} from '../incremental/blame';
import type { PostmortemModel } from '../model';
import { blockMarks, CUE_WORDS, hasCueWords, hasStartCueWords, PEOPLE_HINT } from './cue-words';
import { BLAME_KINDS, type BlameKind, type Cue, type SentenceView } from './cues';
import { detectCounterfactual } from './detect-counterfactual';
import { detectHumanError } from './detect-human-error';
import { detectJudgment } from './detect-judgment';
import { detectNamed } from './detect-named';
import { buildDocContext } from './doc-context';
import { type DocContext, isKnownWord, isPersonHandle, normalise } from './entities';
import { mayHaveTargetLemma } from './lemma-targets';
import { HARM_VERBS, HARM_WORDS } from './lexicon';
import { asksForCause } from './named-verdicts';
import { isEnglishWord, winkTagger } from './nlp';
import { type ProseBlock, type Sentence, sourceOffset, splitSentences } from './prose';
import { repairTags } from './tag-repair';
import { ACCOUNT_VALUE, lazilyTaggedTokens, type Tagger } from './tokens';
import { WRONG_ACTION } from './wrong-actions';

/** Sentences longer than this (in UTF-16 units) are not analysed for blame. */
export const MAX_SENTENCE = 4_000;

/**
 * What the analysis needs from the config, given by the rules (which know their ids and options): for each kind,
 * whether its rule is on (a sentence gets one verdict, among the kinds that are on) and the words it allows.
 * Pass one object per config: the analysis is cached per model and settings object.
 */
export type BlameSettings = Readonly<Record<BlameKind, { on: boolean; allow: readonly string[] }>>;

/** One blameful wording, with its place in the source. */
export interface BlameFinding {
  kind: BlameKind;
  cue: Cue;
  /** Source offsets of the words found. */
  start: number;
  end: number;
  sentence: Sentence;
  block: ProseBlock;
}

export interface BlameAnalysis {
  ctx: DocContext;
  findings: BlameFinding[];
}

const NAME_CANDIDATE =
  /\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sir|Dame|Shri|Smt|Sri)\.? \p{Lu}|(?<![\p{L}\p{N}_\p{M}])\p{Lu}\. \p{Lu}\p{Ll}|@[\p{L}\p{N}_][\p{L}\p{N}_.-]*|(?<![\p{L}\p{N}_\p{M}])\p{Lu}[\p{Ll}\p{M}]+(?:-\p{L}[\p{Ll}\p{M}]*)?(?![\p{L}\p{N}_\p{M}])|(?<![\p{L}\p{N}_\p{M}])\p{Lu}{2,3}(?=['’]s\b| \p{Ll}+ed\b)|(?<![\p{L}\p{N}_\p{M}])(?:\p{Lu}\.){2,3}|(?<![\p{L}\p{N}_\p{M}])\p{Lu}{2,3},? who\b|\b(?:user|username|login|account|operator) [a-z][\w-]*[._][a-z]/gu;
function isAllowed(phrase: string, allow: readonly string[]): boolean {
  const p = normalise(phrase).replace(/\s+/g, ' ');
  return allow.some((a) => {
    const w = normalise(a).replace(/\s+/g, ' ');
    return (
      w.length > 0 && (p === w || new RegExp(`(?:^|\\W)${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|\\W)`).test(p))
    );
  });
}

const cache = new WeakMap<PostmortemModel, WeakMap<BlameSettings, BlameAnalysis>>();

/** The blame analysis of a document, computed once per model and settings and shared by the four rules. */
export function analyzeBlame(
  model: PostmortemModel,
  settings: BlameSettings,
  tagger: Tagger = winkTagger,
): BlameAnalysis {
  let bySettings = cache.get(model);
  if (!bySettings) {
    bySettings = new WeakMap();
    cache.set(model, bySettings);
  }
  const cached = bySettings.get(settings);
  if (cached && tagger === winkTagger) return cached;

  const codes: string[] = [];
  // Kept per block of the tree and, below, per block, sentence and context (incremental/blame.ts, issue 11). The
  // blocks are as they were computed, `by[b]` from where they are now: what is read of them does not depend on it.
  const { blocks, by } = keptProseBlocks(model.tree, model.text, codes);
  // One pass over each block's characters finds both whether it has cue words and whether it may list people.
  const marks = blocks.map((block) => blockMarks(block.text));
  const hints = marks.map((m) => (m & PEOPLE_HINT) !== 0);
  const ctx = sharedContext(buildDocContext(model, blocks, settings['named-individual'].allow, codes, hints));
  const keep = tagger === winkTagger;
  const findings: BlameFinding[] = [];

  blocks.forEach((kept, b) => {
    const cueWords = (marks[b] & CUE_WORDS) !== 0;
    const found = keep ? keptBlockCues(ctx, kept, cueWords, blockCues) : blockCues(kept, cueWords, ctx, tagger, false);
    if (found.length === 0) return;
    // The block where it is now, and its sentences (the findings point into them).
    const block = moveBlock(kept, by[b]);
    const sentences = splitSentences(block);
    for (const { index, cues } of found) {
      const sentence = sentences[index];
      // One verdict per sentence: the GUIDE's precedence (named > human error > judgment > counterfactual),
      // among the rules that are on and not allowed away.
      const on = cues.filter((c) => settings[c.kind].on && !isAllowed(c.phrase, settings[c.kind].allow));
      const top = BLAME_KINDS.find((k) => on.some((c) => c.kind === k));
      for (const cue of on) {
        if (cue.kind !== top) continue;
        const start = sourceOffset(block, sentence.blockStart + cue.start);
        const end = sourceOffset(block, sentence.blockStart + Math.max(cue.start, cue.end - 1)) + 1;
        findings.push({ kind: cue.kind, cue, start, end, sentence, block });
      }
    }
  });
  const result = { ctx, findings };
  if (tagger === winkTagger) bySettings.set(settings, result);
  return result;
}

/** The cues of each sentence of a block (those with any), before the settings: where the block is does not matter. */
function blockCues(
  block: ProseBlock,
  cueWords: boolean,
  ctx: DocContext,
  tagger: Tagger = winkTagger,
  keep = true,
): BlockCues[] {
  // Most blocks hold nothing that could be blame: one cheap look at the whole block skips them.
  if (!cueWords && !keptNameLook(ctx, block.text, () => mayNameSomeone(block.text, ctx))) return [];
  const found: BlockCues[] = [];
  const sentences = splitSentences(block);
  sentences.forEach((sentence, index) => {
    // No prose sentence is this long (a pasted log or data): it is not read for blame, so no input can make the
    // grammar's look-ups run long.
    if (sentence.text.length > MAX_SENTENCE) return;
    const previous = sentences[index - 1]?.text;
    const effectAfter = effectSentence(sentences[index + 1]?.text);
    const cues = keep
      ? keptCues(
          ctx,
          sentence,
          previous,
          cueWords,
          () => cuesOf(sentence, ctx, tagger, previous, cueWords, effectAfter),
          effectAfter,
        )
      : cuesOf(sentence, ctx, tagger, previous, cueWords, effectAfter);
    if (cues.length > 0) found.push({ index, cues });
  });
  return found;
}

/** A sentence that opens by telling the effect of the one before, and tells a failure. */
const EFFECT_OPENING =
  /^\W*(?:as a (?:result|consequence)|consequently|(?:this|that|it) (?:caused|meant|led to|broke|took down|triggered|resulted in|knocked out)|because of (?:this|that)|the (?:result|effect|consequence) was|within (?:seconds|minutes|the hour|an hour)|(?:a few |two |five |ten )?(?:seconds|minutes) later|shortly after(?:wards)?|soon after(?:wards)?)\b/i;
const EFFECT_FAILURE =
  /\b(?:fail\w*|errors?|outage|down|broke|broken|crash\w*|lost|loss|time[ds]? out|timeouts?|unavailable|unreachable|degrad\w*|stuck|dropp\w*|block\w*|reject\w*|leak\w*|expos\w*|corrupt\w*|delet\w*|wip\w*|5\d\d(?:s|'s)?|paged|alert\w*|spik\w*|stall\w*|hung|froze|locked)\b/i;

function effectSentence(text: string | undefined): boolean {
  return (
    text !== undefined &&
    EFFECT_OPENING.test(text) &&
    EFFECT_FAILURE.test(text) &&
    // "As a result, the errors stopped.": the effect was the recovery.
    !/\b(?:stopped|ceased|recovered|resolved|cleared|returned to normal|subsided|went away|disappeared|came back|restored|fell back|dropped back|no longer)\b/i.test(
      text,
    )
  );
}

/** Words that can tie a named person to the failure (see detect-named): most response lines have none. */
const TIES = new RegExp(
  String.raw`['’]s\b|\b(?:because|after|when|since|once|as|until|by|which|so|causing|leaving|cause[ds]?|root-?cause[ds]?|rootcause[ds]?|trigger\w*|introduced|responsible|fault|blame|culprit|who|whose|instead|accident\w*|mistak\w*|inadvertent\w*|without|wrong|never|forgot|against|kudos|thanks|cheers|props|shout-?out|knocked (?:out|over)|took (?:out|down)|brought down|resulting|locked|and|then|happened|turned out|came out|rather than|only to|(?:his|her|their) own|(?:is|was) (?:all |squarely |entirely |solely )?on|lies with|rests with|falls on|had(?:n['’]t| not)|did (?:it|this|that)(?=\s*[.;!]?\s*$)|(?:was|would be) an? (?:great|good|brilliant|genius|clever|smart) (?:idea|plan|move)|strikes again|to thank for)\b|[:|;—–]|\b(?:${[
    ...HARM_VERBS,
    ...HARM_WORDS,
  ]
    .map((w) => w.replace(/e$/, '').replace(/[-]/g, '[- ]?'))
    .sort((a, b) => b.length - a.length)
    .join('|')})`,
  'i',
);

/** A capitalised word as an agent ("Sigrun enabled", "Lwazi's script", "by Chidera"): maybe a name no list holds. */
const UNKNOWN_AGENT =
  /(?:\bby )?(?<![\p{L}\p{N}_\p{M}])(\p{Lu}[\p{Ll}\p{M}]{1,}(?:-\p{L}[\p{Ll}\p{M}]+)?)(?:['’]s\b| \p{Ll}+ing\b| ha[sd] \p{Ll}+\b|, \p{Ll}+ed\b| ['‘"“]?(?:\p{Ll}+ly )?['‘"“]?(?:\p{Ll}+ed|ran|set|put|cut|hit|shut|let|broke|took|made|sent|left|lost|forgot|wrote|gave|did|brought|went|threw|reset|re-ran)\b|, (?:the|our|who|whose|you)\b| who\b| \p{Ll}+[^\Ws]s\b)/gu;

/** A capitalised word after a verdict, thanks or a role: "the cause was Somchai", "Cheers Gaz for", "operator Petrov". */
const UNKNOWN_NAMED =
  /\b(?:was|is|cheers|thanks|kudos|operator|engineer|contractor|admin|developer|technician|analyst|intern|dba|sre)[\s,]+(\p{Lu}[\p{Ll}\p{M}]{1,})(?![\p{L}\p{N}_\p{M}])/giu;

/** A capitalised word as the agent of a passive: "the outage was caused by Øystein.", "merged by Okafor". */
const UNKNOWN_BY =
  /\b(?:\p{Ll}+(?:ed|en|wn|ne|ght|un|de) by|because of|due to|down to|owing to|(?:lies|lay|rests|falls|sits) (?:squarely |solely |entirely )?(?:with|on)|(?:is|was) (?:all |squarely |entirely |solely )?on|(?:[Cc]ulprit|[Cc]ause|[Tt]rigger|[Cc]aused by|[Tt]riggered by|[Bb]lame)\s*:|(?:culprit|cause|trigger) (?:was|is)|\b[Ii]f(?= \S+ had(?:n['’]t| not)\b)) (\p{Lu}[\p{Ll}\p{M}'’-]{1,})(?![\p{L}\p{N}_\p{M}])/gu;

function mayNameUnknown(text: string, ctx: DocContext): boolean {
  for (const re of [UNKNOWN_AGENT, UNKNOWN_NAMED, UNKNOWN_BY]) if (unknownMatch(re, text, ctx)) return true;
  return false;
}

function unknownMatch(re: RegExp, text: string, ctx: DocContext): boolean {
  const UNKNOWN_AGENT = re;
  UNKNOWN_AGENT.lastIndex = 0;
  for (let m = UNKNOWN_AGENT.exec(text); m !== null; m = UNKNOWN_AGENT.exec(text)) {
    const word = m[1].toLowerCase();
    // Where the word itself starts (the match may begin with "by" or "Cheers").
    const at = m.index + m[0].indexOf(m[1]);
    if (ctx.systems.has(word) || isKnownWord(m[1], ctx, true)) continue;
    if (!isEnglishWord(word)) return true;
    // A short word capitalised after a word may be a nickname ("because Mo set"): entities decides by the grammar.
    if (
      word.length <= 3 &&
      (/\p{L}\s$/u.test(text.slice(Math.max(0, at - 2), at)) || /^['’]s/.test(text.slice(at + m[1].length)))
    )
      return true;
  }
  return false;
}

/** Whether a text names a person (or @handle) and has harm wording: a look for a name first (cheap), then for harm. */
function mayNameSomeone(text: string, ctx: DocContext): boolean {
  NAME_CANDIDATE.lastIndex = 0;
  let tied: boolean | undefined;
  for (let m = NAME_CANDIDATE.exec(text); m !== null; m = NAME_CANDIDATE.exec(text)) {
    const word = m[0];
    const initialsOrLogin =
      word.includes('.') || word.includes('_') || word.includes(' ') || /^\p{Lu}{2,3}$/u.test(word);
    if (initialsOrLogin || (word.charCodeAt(0) === 64 /* @ */ ? isPersonHandle(word) : isKnownWord(word, ctx, true))) {
      // A named person and a word that can tie them to the failure: harm, cause or time ("because", "after",
      // "by", a possessive), a label, or a consequence. A timeline line of response work has none of them.
      // "The surprise bill in March was Dave.": a name the sentence identifies its subject with.
      tied ??= TIES.test(text) || WRONG_ACTION.some((re) => re.test(text));
      if (tied || /\b(?:was|were)\s*$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) {
        NAME_CANDIDATE.lastIndex = 0;
        return true;
      }
    }
  }
  // "user=pnovak action=DROP_TABLE": an account in an audit line is a handle (tokens.ts).
  if (ACCOUNT_VALUE.test(text)) return TIES.test(text) || WRONG_ACTION.some((re) => re.test(text));
  return mayNameUnknown(text, ctx);
}

/**
 * Every cue in one sentence, before precedence and allow lists. Exported for tests and the benchmark. The sentence
 * is tagged (and its tags repaired) only if a detector needs a part of speech or a lemma.
 */
export function analyzeSentence(sentence: Sentence, ctx: DocContext, tagger: Tagger, previous?: string): Cue[] {
  return cuesOf(sentence, ctx, tagger, previous, true);
}

/** `analyzeSentence`, knowing whether the sentence's block has cue words (if not, hardly any sentence of it has). */
function cuesOf(
  sentence: Sentence,
  ctx: DocContext,
  tagger: Tagger,
  previous: string | undefined,
  blockCueWords: boolean,
  effectAfter = false,
): Cue[] {
  const { text } = sentence;
  const answersWho = !!previous && asksForCause(previous);
  const lexical = (blockCueWords ? hasCueWords(text) : hasStartCueWords(text)) || answersWho;
  if (!lexical && !effectAfter && !mayNameSomeone(text, ctx)) return [];
  const lower = text.toLowerCase();
  const view: SentenceView = {
    text,
    lower,
    tokens: lazilyTaggedTokens(text, tagger, repairTags),
    // Which words can get which lemmas is known for wink's model only (see mayHaveTargetLemma).
    lemmaFree: tagger === winkTagger && !mayHaveTargetLemma(lower),
    ctx,
    previous,
    effectAfter,
    columns: sentence.block.columns,
    cells: sentence.block.cells?.map((c) => ({
      textStart: c.textStart - sentence.blockStart,
      textEnd: c.textEnd - sentence.blockStart,
    })),
  };
  const cues: Cue[] = lexical
    ? [...detectHumanError(view), ...detectJudgment(view), ...detectCounterfactual(view)]
    : [];
  // The named-person look walks every token: only where a name (or @handle, initials, login) may be.
  if (cues.length > 0 || answersWho || effectAfter || mayNameSomeone(text, ctx)) cues.push(...detectNamed(view, cues));
  return cues;
}
