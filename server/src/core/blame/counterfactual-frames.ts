import { blamable, entityOf, isHumanProcess, type Push } from './counterfactual-subject';
import type { SentenceView } from './cues';
import { forms, subjectOf } from './grammar';
import { HUMAN_ACTIVITY_PARTICIPLES } from './lexicon';

/** Obligation and opportunity frames, with a person as the subject: "was supposed to … but", "had every opportunity to". */
const FRAMES: { re: RegExp; reason: string; person: boolean }[] = [
  {
    // "The editorial team was meant to check the embargo": a duty of people, told in the past, was not done.
    re: /\b(?:was|were) (?:supposed|meant) to\b/gi,
    reason: 'supposed-to',
    person: true,
  },
  {
    re: /\b(?:was|were) (?:expected|required|told|asked) to\b(?=[^.;]*\b(?:but|yet|instead|and (?:never|didn['’]t|did not|went|skipped))\b)/gi,
    reason: 'supposed-to',
    person: true,
  },
  {
    re: /\b(?:needed|had|ought|was going) to have (?:[\w-]+ )?\w+(?:ed|en|wn|ne|ght)\b/gi,
    reason: 'needed-to-have',
    person: true,
  },
  {
    re: /\bhad (?:every|ample|plenty of|more than enough|all the) (?:opportunity|chance|time|reason(?! to (?:believe|think|assume|expect|trust)\b)|warning) to\b/gi,
    reason: 'opportunity',
    person: true,
  },
  {
    // "The test plan was supposed to include a rollback rehearsal, but nobody did one": a duty nobody did.
    re: /\b(?:was|were) (?:supposed|meant|expected|required) to\b(?=[^.;]*\bbut (?:nobody|no one|no-one|none of (?:us|them)) (?:did|had|bothered|ever|actually|got)\b)/gi,
    reason: 'supposed-to',
    person: false,
  },
  {
    // "What stopped someone from pressing the rollback button?": the rhetorical question of an easy path not taken.
    re: /^\W*what (?:stopped|kept|prevented) (?:someone|somebody|anyone|anybody|them|you|him|her|us) from\b(?=[^?]*\?)/gi,
    reason: 'why',
    person: false,
  },
  {
    re: /\b(?:did ?n['’]?t|did not|never|nobody|no one|no-one) (?:even )?(?:think|thought|stop|stopped|pause|paused) to\b/gi,
    reason: 'didnt-think',
    person: false,
  },
  {
    re: /\bthe (?:obvious|correct|right|sensible|proper|safe|smart) (?:move|step|call|choice|thing(?: to do)?|course of action|action|fix|response|play) (?:was|would have been) to\b/gi,
    reason: 'obvious-move',
    person: false,
  },
  {
    // "The fix was simply to restart the consumer": the easy path, told as all there was to it.
    re: /\b(?:fix|solution|answer|remedy|cure|workaround)\s+(?:was|is) (?:simply|just|only|merely) to [a-z]+\b/gi,
    reason: 'minimizer',
    person: false,
  },
  {
    // "In hindsight the warning signs were everywhere", "the signs were there".
    re: /\b(?:warning )?signs were (?:everywhere|all there|there|obvious|clear|plain)\b/gi,
    reason: 'plain-sight',
    person: false,
  },
  {
    // Minimizers: "it was simply a matter of checking the expiry date", "just a question of reading the runbook".
    re: /\b(?:simply|just|only|merely|really just) a (?:simple )?(?:matter|question|case) of (?:[\w-]+ )?[\w-]+ing\b/gi,
    reason: 'minimizer',
    person: false,
  },
  {
    re: /\b(?:for (?:anyone|anybody|everyone|all) to see|in plain sight|staring (?:us|them|him|her|everyone) in the face|right (?:there|in front of (?:us|them|him|her)))\b/gi,
    reason: 'plain-sight',
    person: false,
  },
  {
    re: /\b(?:clearly|obviously|naturally|of course|needless to say|evidently|plainly)\b,?(?=[^.;]*\b(?:needed to|had to|should have|ought to have|was supposed to|must have)\b)/gi,
    reason: 'hindsight',
    person: false,
  },
];
const FRAME_WORDS =
  /kept|prevented|simply|just|only|merely|signs|matter of|question of|case of|supposed|meant|expected|required|told|asked|to have|opportunit|chance|time|reason|warning|think|thought|stop|pause|move|step|call|choice|thing|action|fix|response|play|see|sight|face|right there|right in front|clearly|obviously|naturally|of course|needless|evidently|plainly/i;

/** Verbs of getting or perceiving: what a person "was supposed to receive" is not their duty. */
const RECEIVING_VERBS = new Set('be have get receive see hear experience feel notice land arrive'.split(' '));

/** Obligation, opportunity and hindsight frames in the sentence ("was supposed to … but", "the correct move was to"). */
export function frameCues(view: SentenceView, push: Push, question: boolean, rhetorical: boolean): void {
  const { tokens } = view;
  if (FRAME_WORDS.test(view.text)) {
    for (const { re, reason, person } of FRAMES) {
      re.lastIndex = 0;
      for (let m = re.exec(view.text); m !== null; m = re.exec(view.text)) {
        const t = tokens.findIndex((x) => x.start >= m.index);
        if (t < 0) continue;
        const end = tokens.findIndex((x) => x.end >= m.index + m[0].length);
        const subjectNp = subjectOf(tokens, t);
        // "The migration needed to have been tested": a passive of human work implies people as its agent.
        const humanPassive =
          reason === 'needed-to-have' &&
          /\bto have been\b/i.test(m[0]) &&
          (isHumanProcess(tokens, subjectNp) ||
            forms(tokens[end < 0 ? tokens.length - 1 : end]).some((f) => HUMAN_ACTIVITY_PARTICIPLES.has(f)));
        if (person && !humanPassive && !blamable(entityOf(view, subjectNp))) continue;
        // "Users were meant to see a maintenance page", "…was supposed to receive the export, and did": what people
        // were to get, or a duty that was done, is no hindsight.
        if (reason === 'supposed-to') {
          const next = tokens[end + 1];
          if (next && forms(next).some((f) => RECEIVING_VERBS.has(f))) continue;
          if (
            /\b(?:and (?:they |it |we |he |she )?did|as planned|as (?:expected|intended|designed))\b/i.test(view.text)
          )
            continue;
        }
        // "the pipeline was expected to finish by 6, but…": a system's expected behaviour.
        if (reason === 'plain-sight' || reason === 'hindsight' || reason === 'obvious-move' || reason === 'didnt-think')
          if (question && !rhetorical && reason !== 'didnt-think') continue;
        push(t, (end < 0 ? tokens.length - 1 : end) + 1, reason, subjectNp);
      }
    }
  }
}
