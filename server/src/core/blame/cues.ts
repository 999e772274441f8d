import type { DocContext } from './entities';
import type { Token } from './tokens';

/** The four kinds of blameful wording, in the GUIDE's order of precedence. */
export const BLAME_KINDS = ['named-individual', 'human-error', 'judgment', 'counterfactual'] as const;
export type BlameKind = (typeof BLAME_KINDS)[number];

/** One piece of blameful wording found in a sentence. */
export interface Cue {
  kind: BlameKind;
  /** Offsets in the sentence text. */
  start: number;
  end: number;
  /** The words found, as written ("should have", "careless", "Dave"): shown in the message and used by allow lists. */
  phrase: string;
  /** What the cue is about, for the message: "the engineer", "Dave". */
  subject?: string;
  /** Which pattern fired (used to choose the message's advice). */
  reason: string;
}

/** What a detector looks at: one sentence, tagged, with the document around it. */
export interface SentenceView {
  text: string;
  lower: string;
  tokens: Token[];
  ctx: DocContext;
  /** The sentence before it in the same block, if any (for "Who broke prod? Mateo."). */
  previous?: string;
  /** The next sentence in the block tells this one's effect: "As a result, checkout failed for an hour." */
  effectAfter?: boolean;
  /** For a table row: the header of each column and the cells' ranges in the text. */
  columns?: string[];
  cells?: { textStart: number; textEnd: number }[];
  /**
   * No word of the sentence can have a lemma the detectors look up before needing other tags (see
   * grammar.mayHaveTargetLemma): they look words up by `surfaceForms` then, which leaves the sentence untagged.
   */
  lemmaFree?: boolean;
}

export function span(view: SentenceView, from: number, to: number): { start: number; end: number; phrase: string } {
  const start = view.tokens[from].start;
  const end = view.tokens[Math.max(from, to - 1)].end;
  return { start, end, phrase: view.text.slice(start, end) };
}

export function phraseText(view: SentenceView, from: number, to: number): string {
  if (to <= from) return '';
  return view.text.slice(view.tokens[from].start, view.tokens[to - 1].end);
}

/** Whether [start, end) of the sentence is quoted ("We avoid saying 'human error'") or mentioned as a term. */
export function isQuoted(view: SentenceView, start: number, end: number): boolean {
  const before = view.text.slice(0, start);
  const after = view.text.slice(end);
  const open = (before.match(/["“”]/g) ?? []).length;
  if (open % 2 === 1 && /["“”]/.test(after)) return true;
  if (/[‘'`*_]\s*$/.test(before) && /^\s*[’'`*_]/.test(after) && /[‘'`]\s*$/.test(before)) return true;
  return /\b(?:the (?:term|phrase|word|words|label|expression)s?|phrases? (?:such as|like)|words? (?:such as|like)|terms? (?:such as|like)|saying|say|write|writing|use the|using the|calling it|call it|called it)\s*["“‘']?\s*(?:(?:an?|the)\s+)?$/i.test(
    before,
  );
}

/** Sentences that reject or report a phrase rather than use it ("we avoid saying", "an earlier draft said"). */
const REJECTING_BEFORE =
  /\b(?:avoid(?:s|ed|ing)?|refrain(?:s|ed)? from|(?:do|does|did|should|must|will|would) not (?:say|use|write|call|blame|accept)|don'?t (?:say|use|write|call|blame|accept)|never (?:say|use|write|call|blame|accept)|no longer|rather than|instead of|not (?:a|the|just|simply|about|because of|due to) |not ["“‘']|isn'?t (?:about )?|wasn'?t |stop (?:saying|using|calling|blaming)|ban(?:s|ned)?|rejects?|rejected|earlier draft|previous draft|first draft|replac(?:e|ed|ing) (?:the )?(?:word|phrase|term|label)|rewrit(?:e|es|ing|ten)|reword(?:s|ed|ing)?|such as|like "|labels? like|words like|terms like|phrases like)\b/i;
const REJECTING_AFTER =
  /^[^.;]*\b(?:replaced|rewrote|rewritten|reworded|struck|retracted|removed|dropped) (?:that|it|this|the (?:label|phrase|word|term))|^\s*(?:is|was) (?:not|never) (?:a|the|an) (?:root |real |actual )?(?:cause|explanation|answer|conclusion)|^\s*(?:is|was) (?:a|the|only a|just a) (?:symptom|starting point|start|label|question)|^[^.]*\bwhere (?:an?|the) (?:inquiry|investigation|analysis|review) (?:starts|begins)|^\s*(?:bias|fallacy)/i;

export function isRejected(view: SentenceView, start: number, end: number): boolean {
  const before = view.text.slice(Math.max(0, start - 80), start);
  const after = view.text.slice(end);
  return REJECTING_BEFORE.test(before) || REJECTING_AFTER.test(after);
}
