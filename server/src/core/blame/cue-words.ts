import { memoizeText } from '../incremental/memo';
/**
 * The words that send a text to the tagger: wording that blame is made of. Most prose holds none, and this look
 * runs over every block of every document, so it is built for speed (see `PrefixScan`).
 */
import { PEOPLE_HINTS } from './doc-context';
import { JUDGMENT_IDIOMS } from './judgment-idioms';
import { JUDGMENT_WORDS, SLIP, SLIP_STARTS } from './lexicon';
import { type Prefixed, PrefixScan } from './scan';

/** Cues that only count at the start of the text. */
const START_CUES = [
  String.raw`^\W*had\b`,
  String.raw`^\W*(?:why|how come|how could|how did|how was|how were|how has|surely|who in their right mind)\b`,
  String.raw`^\W*what (?:stopped|kept|prevented)\b`,
  String.raw`^\W*(?:nobody|no one|no-one|none of)\b`,
];

const CUES: Prefixed[] = [
  // modal perfects, "If … had …" (and, among START_CUES, "Had the responder …")
  {
    pattern: String.raw`\b(?:should|could|would|ought|must)(?:n['’]?t| not| never| to)?(?: [\w-]+){0,3} (?:have|of)\b`,
    prefixes: ['shou', 'coul', 'woul', 'ough', 'must'],
  },
  { pattern: String.raw`['’]ve\b`, prefixes: ["'ve", '’ve'] },
  { pattern: String.raw`\bif\b[^,.;]{0,80}\b(?:had|['’]d)\b`, prefixes: ['if#'] },
  { pattern: String.raw`\bif only\b`, prefixes: ['if#'] },
  // failure verbs, hindsight, minimizers (rhetorical questions are among START_CUES)
  { pattern: String.raw`\bfailed to\b`, prefixes: ['fail'] },
  { pattern: String.raw`\bfailure to\b`, prefixes: ['fail'] },
  { pattern: String.raw`\bmissed\b`, prefixes: ['miss'] },
  {
    pattern: String.raw`\b(?:did(?:n['’]?t| not)|never) (?:double-check|check|verif|validat|test|confirm|review|notic|catch|caught|updat|read|follow|inform|notif|communicat|escalat|consult)`,
    prefixes: ['did#', 'didn', 'neve'],
  },
  { pattern: 'overlook', prefixes: ['over'] },
  { pattern: String.raw`\bforg[eo]t (?:to|about)\b`, prefixes: ['forg'] },
  { pattern: 'neglect', prefixes: ['negl'] },
  { pattern: String.raw`\bomit`, prefixes: ['omit'] },
  { pattern: 'misjudg', prefixes: ['misj'] },
  { pattern: 'misread', prefixes: ['misr'] },
  { pattern: 'hindsight', prefixes: ['hind'] },
  { pattern: 'retrospect', prefixes: ['retr'] },
  { pattern: 'obvious', prefixes: ['obvi'] },
  { pattern: 'evident', prefixes: ['evid'] },
  {
    pattern: String.raw`\b(?:just|only|simply) (?:had|needed|has|need|needs|have) to\b`,
    prefixes: ['just', 'only', 'simp'],
  },
  { pattern: String.raw`\b(?:had|needed) (?:only|just|simply) to\b`, prefixes: ['had ', 'need'] },
  {
    pattern: String.raw`\b(?:fix|solution|answer|remedy|cure|workaround)\s+(?:was|is) (?:simply|just|only|merely) to\b`,
    prefixes: ['fix ', 'solu', 'answ', 'reme', 'cure', 'work'],
  },
  { pattern: String.raw`\bsigns were (?:everywhere|all there|there|obvious|clear|plain)\b`, prefixes: ['sign'] },
  {
    pattern: String.raw`\bmis-?(?:keyed|typed|entered|configured|labell?ed|set|read|dialled|dialed)\b`,
    prefixes: ['mis-', 'misk', 'mist', 'mise', 'misc', 'misl', 'miss', 'misr', 'misd'],
  },
  {
    pattern: String.raw`\b(?:mistakenly|accidentally|inadvertently|erroneously|unintentionally)\b`,
    prefixes: ['mist', 'acci', 'inad', 'erro', 'unin'],
  },
  {
    pattern: String.raw`\b(?:simply|just|only|merely|really just) a (?:simple )?(?:matter|question|case) of\b`,
    prefixes: ['simp', 'just', 'only', 'mere', 'real'],
  },
  {
    pattern: String.raw`\ball (?:it|[\w'-]+(?: [\w'-]+){0,3}) (?:took|takes|would|had|needed|need|has|have)\b`,
    prefixes: ['all '],
  },
  // human error and its kin
  {
    pattern: String.raw`\b(?:human|operator|user|staff|engineer|personnel|manual|people|pilot|admin\w*|employee|operational)[- _](?:error|mistake|slip|blunder|oversight)`,
    prefixes: ['huma', 'oper', 'user', 'staf', 'engi', 'pers', 'manu', 'peop', 'pilo', 'admi', 'empl'],
  },
  {
    pattern: String.raw`(?:error|mistake|slip|blunder|oversight)s? (?:made |committed )?(?:by|on the part of|from)\b`,
    prefixes: ['erro', 'mist', 'slip', 'blun', 'over'],
  },
  {
    pattern: "['’]s (?:own )?(?:error|mistake|slip|blunder)",
    prefixes: ["'s o", "'s e", "'s m", "'s s", "'s b", '’s o', '’s e', '’s m', '’s s', '’s b'],
  },
  { pattern: String.raw`\bmade (?:an?|the|one) (?:[\w-]+ )?(?:mistake|error|slip|blunder)`, prefixes: ['made'] },
  { pattern: 'pebkac', prefixes: ['pebk'] },
  { pattern: 'keyboard and (?:the )?chair', prefixes: ['keyb'] },
  { pattern: 'pebcak', prefixes: ['pebc'] },
  { pattern: 'layer[- ]?(?:8|eight)', prefixes: ['laye'] },
  // classification labels that name people: "cause class: people", "Category = personnel"
  {
    pattern: String.raw`[:=]\s*['‘"“]?(?:people|personnel|operator)\b`,
    prefixes: ['#pe', '#op', '##pe', '##op', '###p', '###o'],
  },
  { pattern: 'fat[- ]finger', prefixes: ['fat-', 'fat '] },
  { pattern: 'finger[- ]trouble', prefixes: ['fing'] },
  { pattern: 'id-?10-?t', prefixes: ['id-0', 'id00'] },
  { pattern: 'pi(?:c|ck|k)nic', prefixes: ['picn', 'pick', 'pikn'] },
  // counterfactual frames (see counterfactual-frames' FRAMES and untaken actions)
  {
    pattern: String.raw`\b(?:supposed|meant|expected|required|told|asked) to\b|\bto have\b|\bhad (?:every|ample|plenty|more|all)\b|\b(?:think|thought|stop|stopped|pause|paused) to\b|\bthe (?:obvious|correct|right|sensible|proper|safe|smart) \w+|\bfor (?:anyone|anybody|everyone|all) to see|\bin plain sight|\bstaring\b|\bright (?:there|in front)|\b(?:clearly|naturally|of course|needless to say|evidently|plainly)\b`,
    prefixes: [
      'supp',
      'mean',
      'expe',
      'requ',
      'told',
      'aske',
      'to h',
      'had ',
      'thin',
      'thou',
      'stop',
      'paus',
      'the ',
      'for ',
      'in p',
      'star',
      'righ',
      'clea',
      'natu',
      'of c',
      'need',
      'evid',
      'plai',
    ],
  },
  // every name of a human slip, and the words of classification labels (see detect-human-error)
  {
    pattern: String.raw`\b(?:lapse|misjudg|misstep|mix-?up|goof|gaffe|misclick|keying|mistaken|erroneous|accidental|inadvertent|erred|messed|screwed|slipped|human|meatware|wetware|liveware|carbon)`,
    prefixes: [
      'laps',
      'misj',
      'miss',
      'mix-',
      'mixu',
      'goof',
      'gaff',
      'misc',
      'keyi',
      'mist',
      'erro',
      'acci',
      'inad',
      'erre',
      'mess',
      'scre',
      'slip',
      'huma',
      'meat',
      'wetw',
      'live',
      'carb',
    ],
  },
  { pattern: String.raw`\b(?:error|mistake)`, prefixes: ['erro', 'mist'] },
  // every name of a slip WordNet gives (lexicon/conduct-words.ts): "blunder", "gaffe", "slip-up", "faux pas"
  { pattern: String.raw`\b${SLIP}`, prefixes: SLIP_STARTS },
  // judgment
  ...[
    'fault',
    'blame',
    'culprit',
    'careless',
    'sloppi',
    'sloppy',
    'negligen',
    'reckless',
    'incompeten',
    'irresponsib',
    'unprofessional',
    'blindly',
    'thoughtless',
    'heedless',
    'inexcusab',
    'no excuse',
    'inattent',
    'complacen',
    'cavalier',
    'cowboy',
    'amateur',
    'stupid',
    'idiot',
    'foolish',
    'clueless',
    'shoddy',
    'half-ass',
    'derelict',
    'bother',
    'ignor',
    'dismiss',
    'disregard',
    'lack of',
    'rushed',
    'more careful',
  ].map((word) => ({ pattern: word, prefixes: [word.slice(0, 4)] })),
  { pattern: String.raw`\blaz[yi]`, prefixes: ['lazy', 'lazi'] },
  { pattern: String.raw`\b(?:abandon|abdicat|guilty part)`, prefixes: ['aban', 'abdi', 'guil'] },
  {
    pattern: String.raw`\b(?:past|through) (?:[\w-]+ ){0,3}(?:warning|alert|alarm|prompt|confirmation|red flag)`,
    prefixes: ['past', 'thro'],
  },
  { pattern: String.raw`\blax`, prefixes: ['lax'] },
  { pattern: 'pa(?:y|id|ying) (?:any )?attention', prefixes: ['pay ', 'payi', 'paid'] },
  {
    pattern:
      '(?:pa(?:id|y|ys|ying)|show(?:ed|s|ing)?|g[ai]ve|giv(?:es|ing)|display(?:ed|s)?) (?:no|zero|little|scant|not the slightest) (?:attention|heed|urgency|care|thought|concern)',
    prefixes: ['paid', 'pay ', 'pays', 'payi', 'show', 'gave', 'give', 'givi', 'disp'],
  },
  { pattern: 'without (?:any |much |a )?(?:thought|care|regard|thinking)', prefixes: ['with'] },
  {
    pattern: String.raw`\b(?:nobody|no one|no-one|noone) (?:[\w-]+ ){0,4}(?:cared|cares|bothered|bothers)\b`,
    prefixes: ['nobo', 'no o', 'no-o', 'noon'],
  },
  { pattern: String.raw`\bon (?:me|him|her|them|us)\b`, prefixes: ['on m', 'on h', 'on t', 'on u'] },
  // Every judgment word and idiom of the lexicon, so that the lexicon alone decides what is a cue.
  ...[...JUDGMENT_WORDS]
    .filter((w) => /^[a-z][a-z'-]{2}/.test(w))
    .map((w) => ({ pattern: w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), prefixes: [w.slice(0, 4)] })),
  ...JUDGMENT_IDIOMS.map((i) => ({ pattern: i.pattern, prefixes: i.starts })),
];

/** The looks every block gets, in one pass: cue words (bit 1) and, for the document context, PEOPLE_HINTS (bit 2). */
const BLOCK_SCAN = new PrefixScan([
  {
    patterns: CUES,
    start: START_CUES,
    startWords: ['had', 'why', 'how', 'surely', 'who', 'what', 'nobody', 'no', 'none'],
  },
  { patterns: PEOPLE_HINTS },
]);
export const CUE_WORDS = 1;
export const PEOPLE_HINT = 2;

/** Which of the block looks (CUE_WORDS, PEOPLE_HINT) find something in the text. */
export const blockMarks: (text: string) => number = memoizeText((text) => BLOCK_SCAN.matches(text));

const START = new RegExp(START_CUES.join('|'), 'i');

/**
 * `hasCueWords` for a sentence of a block that has none. Any other cue found in the sentence would be found in
 * the block too, at the same place: a sentence is a part of its block with blank space (or nothing) around it,
 * which is all the patterns' \b can tell apart. Only the cues anchored at the start can be new.
 */
export function hasStartCueWords(sentence: string): boolean {
  return START.test(sentence);
}

/**
 * Whether the text holds a cue word: exactly `new RegExp([...START_CUES, ...patterns of CUES].join('|'), 'i').test(text)`,
 * in about a quarter of the time.
 */
export function hasCueWords(text: string): boolean {
  return BLOCK_SCAN.matches(text, CUE_WORDS) !== 0;
}
