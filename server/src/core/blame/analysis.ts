import type { ResolvedConfig } from '../config';
import type { PostmortemModel } from '../model';
import { BLAME_KINDS, type BlameKind, type Cue, type SentenceView } from './cues';
import { detectCounterfactual } from './detect-counterfactual';
import { detectHumanError } from './detect-human-error';
import { detectJudgment } from './detect-judgment';
import { detectNamed } from './detect-named';
import { buildDocContext, type DocContext, isKnownName, isPersonHandle, normalise } from './entities';
import { repairTags } from './grammar';
import { HARM_VERBS, HARM_WORDS } from './lexicon';
import { winkTagger } from './nlp';
import { type ProseBlock, proseBlocks, type Sentence, sourceOffset, splitSentences } from './prose';
import { type Tagger, tagTokens } from './tokens';

export const RULE_IDS: Record<BlameKind, string> = {
  'named-individual': 'blame/named-individual',
  'human-error': 'blame/human-error',
  judgment: 'blame/judgment',
  counterfactual: 'blame/counterfactual',
};

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

/** Words whose presence sends a sentence to the tagger; sentences without any are skipped cheaply. */
const CUE_WORDS = new RegExp(
  [
    // modal perfects, "If … had …", "Had the responder …"
    String.raw`\b(?:should|could|would|ought|must)(?:n['’]?t| not| never| to)?(?: \w+)? (?:have|of)\b|['’]ve\b|^\W*had\b|\bif\b[^,.;]{0,80}\b(?:had|['’]d)\b|\bif only\b`,
    // failure verbs, hindsight, rhetorical questions, minimizers
    String.raw`\bfailed to\b|\bfailure to\b|\bmissed\b|overlook|\bforg[eo]t (?:to|about)\b|neglect|\bomit|misjudg|misread|hindsight|retrospect|obvious|evident|^\W*(?:why|how come|how could|how did)\b|\b(?:just|only|simply) (?:had|needed|has|need|needs|have) to\b|\ball (?:it|[\w'-]+(?: [\w'-]+){0,3}) (?:took|takes|would|had|needed|need|has|have)\b`,
    // human error and its kin
    String.raw`\b(?:human|operator|user|staff|engineer|personnel|manual|people|pilot|admin\w*|employee|operational)[- _](?:error|mistake|slip|blunder|oversight)|(?:error|mistake|slip|blunder|oversight)s? (?:made |committed )?(?:by|on the part of|from)\b|['’]s (?:own )?(?:error|mistake|slip|blunder)|\bmade (?:an?|the|one) (?:[\w-]+ )?(?:mistake|error|slip|blunder)|pebkac|pebcak|layer[- ]?8|fat[- ]finger|finger[- ]trouble|id-?10-?t|pic?knic`,
    // judgment
    String.raw`fault|blame|culprit|careless|sloppi|sloppy|negligen|\blaz[yi]|reckless|incompeten|irresponsib|unprofessional|blindly|thoughtless|heedless|inexcusab|no excuse|inattent|complacen|cavalier|cowboy|amateur|stupid|idiot|foolish|clueless|shoddy|half-ass|\blax|derelict|bother|ignor|dismiss|disregard|lack of|pa(?:y|id|ying) (?:any )?attention|rushed|more careful|without (?:any |much |a )?(?:thought|care|regard|thinking)|\bon (?:me|him|her|them|us)\b`,
  ].join('|'),
  'i',
);

const NAME_CANDIDATE = /@[\p{L}\p{N}_][\p{L}\p{N}_.-]*|\b\p{Lu}[\p{Ll}\p{M}]+(?:-\p{L}[\p{Ll}\p{M}]*)?\b/gu;
const IRREGULAR_HARM = [
  'broke',
  'took',
  'brought',
  'went',
  'lost',
  'knocked',
  'ran',
  'instead',
  'accident',
  'mistak',
  'inadvertent',
  'without',
  'wrong',
  'who',
  'cause',
  'trigger',
  'fault',
  'blame',
  'culprit',
];
const HARM_CUES = new RegExp(
  `\\b(?:${[...HARM_VERBS, ...HARM_WORDS, ...IRREGULAR_HARM]
    .map((w) => w.replace(/e$/, '').replace(/[-]/g, '[- ]?'))
    .sort((a, b) => b.length - a.length)
    .join('|')})`,
  'i',
);

function allowList(config: ResolvedConfig, kind: BlameKind): string[] {
  const allow = config.rules.get(RULE_IDS[kind])?.options.allow;
  return Array.isArray(allow) ? allow.filter((a): a is string => typeof a === 'string') : [];
}

function enabled(config: ResolvedConfig, kind: BlameKind): boolean {
  return config.rules.get(RULE_IDS[kind])?.severity !== 'off';
}

function isAllowed(phrase: string, allow: readonly string[]): boolean {
  const p = normalise(phrase).replace(/\s+/g, ' ');
  return allow.some((a) => {
    const w = normalise(a).replace(/\s+/g, ' ');
    return (
      w.length > 0 && (p === w || new RegExp(`(?:^|\\W)${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|\\W)`).test(p))
    );
  });
}

const cache = new WeakMap<PostmortemModel, WeakMap<ResolvedConfig, BlameAnalysis>>();

/** The blame analysis of a document, computed once per model and config and shared by the four rules. */
export function analyzeBlame(
  model: PostmortemModel,
  config: ResolvedConfig,
  tagger: Tagger = winkTagger,
): BlameAnalysis {
  let byConfig = cache.get(model);
  if (!byConfig) {
    byConfig = new WeakMap();
    cache.set(model, byConfig);
  }
  const cached = byConfig.get(config);
  if (cached && tagger === winkTagger) return cached;

  const blocks = proseBlocks(model.tree, model.text);
  const ctx = buildDocContext(model, blocks, allowList(config, 'named-individual'));
  const findings: BlameFinding[] = [];
  const allows = Object.fromEntries(BLAME_KINDS.map((k) => [k, allowList(config, k)])) as Record<BlameKind, string[]>;

  for (const block of blocks) {
    // Most blocks hold nothing that could be blame: one cheap look at the whole block skips them.
    if (!CUE_WORDS.test(block.text) && !mayNameSomeone(block.text, ctx)) continue;
    const sentences = splitSentences(block);
    sentences.forEach((sentence, index) => {
      const cues = analyzeSentence(sentence, ctx, tagger, sentences[index - 1]?.text);
      // One verdict per sentence: the GUIDE's precedence (named > human error > judgment > counterfactual),
      // among the rules that are on and not allowed away.
      const kept = cues.filter((c) => enabled(config, c.kind) && !isAllowed(c.phrase, allows[c.kind]));
      const top = BLAME_KINDS.find((k) => kept.some((c) => c.kind === k));
      for (const cue of kept) {
        if (cue.kind !== top) continue;
        const start = sourceOffset(block, sentence.blockStart + cue.start);
        const end = sourceOffset(block, sentence.blockStart + Math.max(cue.start, cue.end - 1)) + 1;
        findings.push({ kind: cue.kind, cue, start, end, sentence, block });
      }
    });
  }
  const result = { ctx, findings };
  if (tagger === winkTagger) byConfig.set(config, result);
  return result;
}

/** Whether a text names a person (or @handle) and has harm wording: a look for a name first (cheap), then for harm. */
function mayNameSomeone(text: string, ctx: DocContext): boolean {
  for (const m of text.matchAll(NAME_CANDIDATE)) {
    const word = m[0];
    if (word.startsWith('@') ? isPersonHandle(word) : isKnownName({ text: word } as never, ctx))
      return HARM_CUES.test(text);
  }
  return false;
}

/** Every cue in one sentence, before precedence and allow lists. Exported for tests and the benchmark. */
export function analyzeSentence(sentence: Sentence, ctx: DocContext, tagger: Tagger, previous?: string): Cue[] {
  const { text } = sentence;
  const lexical = CUE_WORDS.test(text) || (!!previous && /^who\b.*\?\s*$/i.test(previous));
  if (!lexical && !mayNameSomeone(text, ctx)) return [];
  const tokens = tagTokens(text, tagger);
  repairTags(tokens);
  const view: SentenceView = {
    text,
    lower: text.toLowerCase(),
    tokens,
    ctx,
    previous,
    columns: sentence.block.columns,
    cells: sentence.block.cells?.map((c) => ({
      textStart: c.textStart - sentence.blockStart,
      textEnd: c.textEnd - sentence.blockStart,
    })),
  };
  const cues: Cue[] = [...detectHumanError(view), ...detectJudgment(view), ...detectCounterfactual(view)];
  cues.push(...detectNamed(view, cues));
  return cues;
}
