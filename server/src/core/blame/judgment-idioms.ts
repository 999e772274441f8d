// Idioms that judge conduct, for blame/judgment and its cue scan (split out of lexicon.ts).
import { alternation, list, startsOf } from './lexicon';
import { BOTCH_PARTICLE_VERBS, BOTCH_VERBS } from './lexicon/conduct-words';

/**
 * Idioms that judge conduct (general English, not from any test set), each with the words any match starts with
 * (for the cue scan); `agent`: a verb that judges only a person's doing ("the parser fumbled the input" is a bug). Matched case-insensitively on the sentence text.
 */
export const JUDGMENT_IDIOMS: { pattern: string; starts: string[]; agent?: boolean }[] = [
  { pattern: String.raw`\bcut(?:s|ting)? (?:a few |some |every )?corners\b`, starts: ['cut'] },
  {
    pattern: String.raw`\b(?:took|take|takes|taking) (?:a |the )?(?:lazy |easy )?short-?cuts?\b`,
    starts: ['took', 'take', 'taki'],
  },
  { pattern: String.raw`\bdr(?:op|opped|opping|ops) the ball\b`, starts: ['drop'] },
  // "rushed the change through", "rushed the migration out": haste judged as conduct.
  {
    pattern: String.raw`\brush(?:ed|es|ing)? (?:the |a |an |their |his |her |our |my |this |that )?(?!(?:[\w-]+ )?(?:fix|fixes|hotfix|patch|rollback|revert|mitigation|workaround)\b)(?:[\w-]+ ){0,2}(?:through|out(?! of)|into prod(?:uction)?)\b`,
    starts: ['rush'],
    agent: true,
  },
  // "was slack about patching": slack as conduct (not Slack, the product, nor slack in a schedule).
  {
    pattern: String.raw`\b(?<!there )(?:was|were|is|are|been|being|got|get) slack (?:about|with)\b`,
    starts: ['was', 'were', 'is s', 'are', 'been', 'bein', 'got', 'get'],
  },
  // "had no business touching a production ledger": doing what one had no right to.
  {
    pattern: String.raw`\b(?:had|has|have) no business (?:[\w-]+ing|being|going|near)\b`,
    starts: ['had', 'has', 'have'],
  },
  { pattern: String.raw`\basleep (?:at the (?:wheel|switch)|on the job|on (?:duty|watch))\b`, starts: ['asle'] },
  { pattern: String.raw`\bphon(?:ed|es|ing|e) (?:it |the \w+ )?in\b`, starts: ['phon'] },
  { pattern: String.raw`\b(?:went|go|goes|going|gone) rogue\b`, starts: ['went', 'go r', 'goes', 'goin', 'gone'] },
  { pattern: String.raw`\bwing(?:ed|ing|s)? (?:it|schema|changes|the)\b|\bwinging\b`, starts: ['wing'] },
  { pattern: String.raw`\brubber[- ]?stamp(?:ed|ing|s)?\b`, starts: ['rubb'] },
  // Approval without a look: "waved the change through".
  {
    pattern: String.raw`\bwav(?:ed|es|ing|e) (?:(?:it|them|this|that|the|a|an|every|each) )?(?:[\w-]+ ){0,2}through\b`,
    starts: ['wave', 'wavi'],
    agent: true,
  },
  // Work judged by its kind: "a hack job on the retry logic", "a rush job".
  {
    pattern: String.raw`\b(?:hack|hatchet|rush|bodge|cowboy) jobs?\b`,
    starts: ['hack', 'hatc', 'rush', 'bodg', 'cowb'],
  },
  // Sarcasm that holds the work up as an example to avoid: "a masterclass in how not to run a migration".
  {
    pattern: String.raw`\b(?:masterclass|master class|lesson|clinic|showcase|case study|demonstration|textbook example|perfect example|prime example) (?:in|on|of) how not to\b`,
    starts: ['mast', 'less', 'clin', 'show', 'case', 'demo', 'text', 'perf', 'prim'],
  },
  { pattern: String.raw`\bfell on deaf ears\b|\bfallen on deaf ears\b`, starts: ['fell', 'fall'] },
  { pattern: String.raw`\bbe (?:arsed|assed|bothered)\b`, starts: ['be a', 'be b'] },
  { pattern: String.raw`\bfast and loose\b`, starts: ['fast'] },
  {
    pattern: String.raw`\b(?:zero|no|little|scant|without any|without) regard (?:for|to)\b`,
    starts: ['zero', 'no r', 'litt', 'scan', 'with'],
  },
  { pattern: String.raw`\b(?:box|tick)[- ]?(?:ticking|box) exercise\b`, starts: ['box', 'box-', 'tick'] },
  { pattern: String.raw`\brookie (?:mistake|move|error)\b`, starts: ['rook'] },
  // Care denied to a piece of work: "rushed, with little oversight", "no thought for the rollback".
  {
    pattern: String.raw`\b(?:rushed|hurried|pushed through|approved|signed off|merged|reviewed|done|carried out|made|deployed|shipped)\b[^.;]{0,30}\b(?:with|under) (?:little|no|minimal|zero|scant|hardly any) (?:oversight|supervision|scrutiny|diligence|care)\b`,
    starts: ['rush', 'hurr', 'push', 'appr', 'sign', 'merg', 'revi', 'done', 'carr', 'made', 'depl', 'ship'],
  },
  // "had no idea what they were doing", "didn't know what he was doing".
  {
    pattern: String.raw`\b(?:no idea|no clue|(?:did ?n['’]?t|did not) know) what (?:they|he|she|you) (?:were|was) doing\b`,
    starts: ['no i', 'no c', 'didn', 'did '],
  },
  // Shame words about conduct: "pretty embarrassing behaviour from the release team", "shoddy workmanship".
  {
    pattern: String.raw`\b(?:embarrassing|shameful|disgraceful|appalling|inexcusable|unacceptable|pathetic|amateurish|shoddy|lousy|abysmal|atrocious) (?:behaviou?r|conduct|workmanship|attitude|effort|showing|professionalism|discipline)\b`,
    starts: ['emba', 'sham', 'disg', 'appa', 'inex', 'unac', 'path', 'amat', 'shod', 'lous', 'abys', 'atro'],
  },
  {
    pattern: String.raw`\b(?:shoved|pushed|rushed|thrown|threw) (?:\w+ )?out the door\b`,
    starts: ['shov', 'push', 'rush', 'thro', 'thre'],
  },
  {
    pattern: String.raw`\b(?:be|feel|is|was|were|are) (?:deeply )?(?:embarrassed|ashamed)\b`,
    starts: ['be e', 'be a', 'feel', 'is e', 'is a', 'was ', 'were', 'are '],
  },
  { pattern: String.raw`\bhad the (?:decency|sense|common sense|presence of mind)\b`, starts: ['had '] },
  { pattern: String.raw`\bin (?:their|his|her|your) right mind\b`, starts: ['in t', 'in h', 'in y'] },
  { pattern: String.raw`\bbeggars belief\b|\bmind-?boggling\b`, starts: ['begg', 'mind'] },
  {
    pattern: String.raw`\bnot (?:exactly |quite )?the most (?:careful|rigorous|thorough|diligent|attentive)\b`,
    starts: ['not '],
  },
  { pattern: String.raw`\bless than (?:careful|rigorous|thorough|diligent)\b`, starts: ['less'] },
  // A verdict on a decision: "This was the wrong call", "poor judgement", not "a wrong call to the billing API".
  {
    pattern: String.raw`\b(?:wrong|bad|poor|questionable) (?:call|judge?ment|decision)s?\b(?! (?:to|of|from|in|on|site|stack|graph)\b)`,
    starts: ['wron', 'bad ', 'poor', 'ques'],
  },
  // Haste as a cause ("Root causes: haste"); not "merged it hastily", the manner of a deliberate fix.
  { pattern: String.raw`\bhaste\b`, starts: ['hast'] },
  {
    pattern: String.raw`\bnot (?:our|my|their|the team['’]s) (?:finest|proudest|best) (?:hour|moment)\b`,
    starts: ['not '],
  },
  {
    pattern: String.raw`\b(?:decided|thought|assumed|treated|treats|treat) (?:that )?(?:[\w-]+ ){0,3}(?:were|was|are|is|as) optional\b|\boptional for (?:some|certain) (?:people|folks|engineers|teams)\b`,
    starts: ['deci', 'thou', 'assu', 'trea', 'opti'],
  },
  { pattern: String.raw`\b(?:brushed|shrugged|waved) (?:\w+ )?(?:off|away|aside)\b`, starts: ['brus', 'shru', 'wave'] },
  {
    pattern: String.raw`\bturned a blind eye\b|\blooked the other way\b|\bhead in the sand\b`,
    starts: ['turn', 'look', 'head'],
  },
  {
    pattern: String.raw`\b(?:did ?n['’]?t|did not|could ?n['’]?t|could not) care(?: less)?\b`,
    starts: ['didn', 'did ', 'coul'],
  },
  {
    pattern: String.raw`\b(?:my|our|his|her|their) (?:own )?fault\b`,
    starts: ['my f', 'my o', 'our ', 'his ', 'her ', 'thei'],
  },
  { pattern: String.raw`\bat (?:its|their|his|her) worst\b`, starts: ['at i', 'at t', 'at h'] },
  { pattern: String.raw`\bhalf-?hearted(?:ly|ness)?\b`, starts: ['half'] },
  {
    pattern: String.raw`\b(?:poor|bad|questionable|terrible|appalling|dubious|shocking|lapses? (?:in|of)|errors? of) judg(?:e)?ments?\b`,
    starts: ['poor', 'bad ', 'ques', 'terr', 'appa', 'dubi', 'shoc', 'laps', 'erro'],
  },
  {
    pattern: String.raw`\bout of (?:his|her|their|my|our|your) depth\b|\bin over (?:his|her|their|my|our|your) head\b`,
    starts: ['out ', 'in o'],
  },
  {
    pattern: String.raw`\b(?:basic |due |common |any |professional )?(?:diligence|care|rigou?r|professionalism|competence|common sense|discipline) (?:was|were|is) (?:\w+ )?(?:missing|absent|lacking|nowhere to be (?:seen|found))\b`,
    starts: ['basi', 'due ', 'comm', 'any ', 'prof', 'dili', 'care', 'rigo', 'comp', 'disc'],
  },
  // Botching, from WordNet (lexicon/conduct-words.ts): "bungled the cutover", "screwed it up".
  {
    pattern: String.raw`\b(?:${alternation([...list(BOTCH_VERBS), 'mis-handle', 'mis-handled', 'mis-handling'])})\b`,
    starts: startsOf([...list(BOTCH_VERBS), 'mis-']),
    agent: true,
  },
  {
    pattern: String.raw`\b(?:${alternation([...list(BOTCH_PARTICLE_VERBS), 'cock', 'cocked', 'cocking', 'cocks'])}) (?:it |things |this |that |everything )?up\b`,
    starts: startsOf([...list(BOTCH_PARTICLE_VERBS), 'cock']),
    agent: true,
  },
];
