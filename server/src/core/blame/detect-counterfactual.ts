import { frameCues } from './counterfactual-frames';
import { modalPerfectAt, modalPerfectCue } from './counterfactual-modal';
import { ADVERSARY_CONTEXT, blamable, byAgent, entityOf, isHumanProcess } from './counterfactual-subject';
import { type Cue, isQuoted, isRejected, phraseText, type SentenceView, span } from './cues';
import { classify } from './entities';
import {
  clauseStart,
  FormList,
  forms,
  isNegated,
  type NounPhrase,
  nounPhraseAt,
  subjectOf,
  surfaceForms,
} from './grammar';
import { DILIGENCE_VERBS, FAILURE_VERBS, HUMAN_ACTIVITY_PARTICIPLES, REMEDY_VERBS } from './lexicon';
import type { Token } from './tokens';

const FAILING = new FormList(FAILURE_VERBS);

/**
 * "forgot to", "neglected about", "overlooked", "misjudged", "missed" (not "failed to"), given the token's forms
 * (which only matter here by the FAILURE_VERBS among them).
 */
function failureVerb(tok: Token, f: string[], next: Token | undefined): boolean {
  return (
    ((f.includes('forget') || f.includes('neglect') || f.includes('omit')) &&
      tok.lower !== 'forget' &&
      (next?.lower === 'to' || next?.lower === 'about')) ||
    ((f.includes('overlook') || f.includes('misjudge') || f.includes('misread')) && tok.pos === 'VERB') ||
    (f.includes('miss') && tok.lower === 'missed' && tok.pos === 'VERB')
  );
}

/** Verbs of watching and guarding: "had we not been monitoring" is about a safeguard. */
const SAFEGUARD_VERBS = new Set(['monitor', 'watch', 'alert', 'page', 'have', 'keep', 'run', 'deploy', 'build', 'add']);

/** Hindsight about what people should or could have done. */
export function detectCounterfactual(view: SentenceView): Cue[] {
  const { tokens, lower } = view;
  const cues: Cue[] = [];
  const push = (from: number, to: number, reason: string, subject?: NounPhrase) => {
    const s = span(view, from, to);
    if (cues.some((c) => c.start < s.end && s.start < c.end)) return;
    if (isQuoted(view, s.start, s.end) || isRejected(view, s.start, s.end)) return;
    cues.push({
      kind: 'counterfactual',
      ...s,
      reason,
      subject: subject ? phraseText(view, subject.start, subject.end) : undefined,
    });
  };
  // An uncertain question ("I think we should have seen these?") is not a verdict; "why didn't they…?" is.
  const question = /\?\s*\)?\s*$/.test(view.text);
  const rhetorical =
    /^(?:why|how come|how could|how did|how was|how were|how has|surely|who in their right mind)\b/i.test(
      view.text.trim(),
    );
  frameCues(view, push, question, rhetorical);
  // "Nobody checked whether the backup had run", "No one verified the new chain": a check nobody did, as a verdict.
  const nobody =
    /^\W*(?:nobody|no one|no-one|none of (?:us|them|the \w+))\s+(?:ever\s+)?(checked|verified|tested|reviewed|validated|confirmed|double-checked|read|updated|renewed|followed|questioned|looked at|looked into|bothered)\b(?!\s+(?:in|out|into|off)\b)/i.exec(
      view.text,
    );
  if (nobody && !question) {
    const end = tokens.findIndex((t) => t.start >= nobody.index + nobody[0].length);
    push(0, end < 0 ? tokens.length : end, 'nobody-checked');
  }

  tokens.forEach((tok, i) => {
    const mp = modalPerfectAt(tokens, i);
    if (mp) {
      modalPerfectCue(view, i, mp, push, question, rhetorical);
      return;
    }

    // "If only…"
    if (tok.lower === 'if' && tokens[i + 1]?.lower === 'only') {
      push(i, i + 2, 'if-only');
      return;
    }
    // "If the engineer had waited…", "Had the responder escalated…"
    if (
      (tok.lower === 'if' && tokens[i + 1]) ||
      (tok.lower === 'had' && (i === 0 || clauseStart(tokens, i) === i) && tokens[i + 1]?.pos !== 'VERB')
    ) {
      const npStart = tok.lower === 'if' ? i + 1 : i + 1;
      const np = nounPhraseAt(tokens, npStart);
      if (!np) return;
      let k = np.end;
      if (tok.lower === 'if') {
        if (!tokens[k] || !['had', "'d"].includes(tokens[k].lower)) return;
        k++;
      }
      let negated = false;
      while (tokens[k] && (tokens[k].lower === 'not' || tokens[k].lower === "n't" || tokens[k].pos === 'ADV')) {
        if (tokens[k].lower === 'not' || tokens[k].lower === "n't") negated = true;
        k++;
      }
      let passive = false;
      if (tokens[k]?.lower === 'been') {
        passive = true;
        k++;
      }
      const verb = tokens[k];
      if (verb?.pos !== 'VERB') return; // "If we had a staging environment": had = possess
      // "Had we not been monitoring, …": what a safeguard prevented, not what someone should have done.
      if (negated && forms(verb).some((f) => REMEDY_VERBS.has(f) || SAFEGUARD_VERBS.has(f))) return;
      const entity = entityOf(view, np);
      if (entity?.kind === 'adversary') return;
      const human =
        blamable(entity) ||
        (isHumanProcess(tokens, np) && (passive ? forms(verb).some((f) => HUMAN_ACTIVITY_PARTICIPLES.has(f)) : true));
      if (human) push(i, k + 1, 'if-had', np);
      return;
    }

    // "failed to", "forgot to", "neglected to", "overlooked", "missed", "misjudged" with a person as subject.
    const failure =
      (tok.lower === 'failed' && tokens[i + 1]?.lower === 'to') ||
      (FAILING.firstIn(tok, view.lemmaFree) !== undefined &&
        failureVerb(tok, view.lemmaFree ? surfaceForms(tok) : forms(tok), tokens[i + 1]));
    if (failure) {
      if (tokens[i - 1] && ['was', 'were', 'been', 'be', 'is', 'are'].includes(tokens[i - 1].lower)) {
        // A passive whose agent is a person or a person's work: "was missed during approval", "was overlooked in
        // code review", "was missed by the on-call" (not "was missed by the health check").
        if (passiveHumanAgent(view, i)) push(i - 1, i + 1, 'failed-to');
        return;
      }
      // "users might have missed…": a guess about what happened, not a verdict.
      if (tokens[i - 1]?.lower === 'have' && ['might', 'may', 'must'].includes(tokens[i - 2]?.lower ?? '')) return;
      const subjectNp = subjectOf(tokens, i);
      const subject = entityOf(view, subjectNp);
      if (
        !blamable(subject) &&
        !(
          subject?.kind === 'system' &&
          subjectNp &&
          /^\p{Lu}/u.test(tokens[subjectNp.head].text) &&
          subject === undefined
        )
      ) {
        if (!blamable(subject)) return;
      }
      push(
        i,
        tokens[i + 1]?.lower === 'to' || tokens[i + 1]?.lower === 'about' ? i + 2 : i + 1,
        'failed-to',
        subjectNp,
      );
      return;
    }
    // "did not check", "didn't test", "never verified": a check a person left undone, as "failed to check" says.
    const undone = undoneCheck(view, i);
    if (undone) {
      push(undone.from, i + 1, 'did-not', undone.subject);
      return;
    }
    // "the engineer's failure to…"
    if (tok.lower === 'failure' && tokens[i + 1]?.lower === 'to') {
      const np = nounPhraseAt(tokens, clauseStart(tokens, i));
      if (
        np?.possessor !== undefined &&
        blamable(classify(tokens, { start: np.possessor, end: np.possessor + 1, head: np.possessor }, view.ctx))
      )
        push(i, i + 2, 'failed-to');
      return;
    }

    // Hindsight markers.
    if (
      (tok.lower === 'hindsight' || (tok.lower === 'retrospect' && tokens[i - 1]?.lower === 'in')) &&
      tokens[i + 1]?.lower !== 'bias' &&
      // "retrospect meetings", "hindsight reviews": the word as a modifier of a noun, not a marker.
      !(tokens[i + 1]?.pos === 'NOUN' && !/^(?:it|this|that)$/.test(tokens[i + 1].lower))
    ) {
      if (
        /\b(?:decision|decided|call|choice|chose|mistake|wrong|bad|poor|dangerous|risky|should|could|would|obvious|we|they|engineer|team|i)\b/.test(
          lower,
        )
      ) {
        const from = tokens[i - 1] && ['in', 'with'].includes(tokens[i - 1].lower) ? i - 1 : i;
        push(from, i + 1, 'hindsight');
      }
      return;
    }
    if (
      tok.lower === 'obviously' ||
      ((tok.lower === 'obvious' || tok.lower === 'evident') && ['was', 'were'].includes(tokens[i - 1]?.lower ?? ''))
    ) {
      if (isNegated(tokens, i, 2) || tokens[i - 1]?.lower === 'non' || ADVERSARY_CONTEXT.test(view.text)) return;
      // "Obviously" about a plan or a design ("the fix is obviously…") is not hindsight: need a past tense, and a
      // verdict on what people did or saw (a wrong call, a person who should have acted), not a system's state.
      if (!/\b(?:was|were|had|did|should|could|would|ran|made|\w+ed)\b/.test(lower)) return;
      const verdict =
        /\b(?:wrong|mistake|bad|poor|should|could|ought|call|decision|choice|careless|missed|ignored|nobody|anyone|someone|needed|had to|required|deserved)\b/.test(
          lower,
        );
      const subject = entityOf(view, subjectOf(tokens, i));
      if (!verdict && !blamable(subject)) return;
      push(i, i + 1, 'obvious');
      return;
    }
    // "just had to", "only needed to", "had only to", "all the on-call needed to do was".
    const minimizer = tok.lower === 'just' || tok.lower === 'only' || tok.lower === 'simply';
    if (
      (minimizer &&
        ['had', 'needed', 'has', 'needs', 'need', 'have'].includes(tokens[i + 1]?.lower ?? '') &&
        tokens[i + 2]?.lower === 'to') ||
      (minimizer && /^(?:had|needed)$/.test(tokens[i - 1]?.lower ?? '') && tokens[i + 1]?.lower === 'to')
    ) {
      const subject = entityOf(view, subjectOf(tokens, i));
      const firstPerson = /^(?:we|i)$/i.test(tokens[subjectOf(tokens, i)?.head ?? -1]?.lower ?? '');
      const after = tokens[i + 1]?.lower === 'to';
      if (blamable(subject) && !firstPerson) push(after ? i - 1 : i, after ? i + 2 : i + 3, 'minimizer');
      return;
    }
    if (
      tok.lower === 'all' &&
      /^all (?:[\w'-]+ ){1,4}(?:had|needed|needs|has|have|need) to do (?:was|is|would have been)\b/i.test(
        view.text.slice(tok.start),
      )
    ) {
      push(i, i + 1, 'minimizer');
      return;
    }
    if (
      tok.lower === 'all' &&
      /^all it (?:took|takes|would have taken|would take) (?:was|is|would have been)\b/i.test(
        view.text.slice(tok.start),
      )
    ) {
      push(i, i + 3, 'minimizer');
      return;
    }
    // "Why didn't the on-call roll back?"
    if (
      /^(?:how|why|surely)/i.test(view.text.trim()) &&
      rhetorical &&
      i === 0 &&
      question &&
      /(?:n['’]t\b|\bnot\b|\bnever\b|\bforg[eo]t\b|\bfail(?:ed)?\b|\bmiss(?:ed)?\b|\bno(?:body| one|-one)\b)/.test(
        lower,
      )
    ) {
      // A five-whys question about a system ("Why was the download not tested?") is fine; one about a person is not.
      let k = 1;
      // "Why on earth did…", "Why the hell didn't…": an intensifier after the question word.
      if (
        /^(?:on|the|in)$/.test(tokens[k]?.lower ?? '') &&
        /^(?:earth|hell|heck|world)$/.test(tokens[k + 1]?.lower ?? '')
      )
        k += 2;
      while (
        tokens[k] &&
        (tokens[k].pos === 'AUX' ||
          tokens[k].lower === "n't" ||
          tokens[k].lower === 'not' ||
          tokens[k].lower === 'come' ||
          tokens[k].lower === 'could')
      )
        k++;
      const whoNp = nounPhraseAt(tokens, k);
      const who = entityOf(view, whoNp);
      // "How did nobody notice…?": in a rhetorical question the denied agent is the accused one.
      const nobody =
        whoNp &&
        (/^(?:nobody|no-one|noone|none)$/.test(tokens[whoNp.head].lower) || tokens[whoNp.start].lower === 'no');
      // "Why wasn't the flag turned off the moment conversions dropped?": an action expected at a given moment.
      const moment = /\b(?:the moment|as soon as|right after|immediately|at the first)\b/i.test(view.text);
      if (blamable(who) || nobody || moment) push(0, Math.min(tokens.length, k), 'why');
    }
  });
  return cues;
}

/**
 * A check a person left undone: "Marco didn't check the free space", "we did not test the failover path", "@kim
 * never verified the certificates". Not a finding of absence ("did not notice any errors": there were none), a
 * passive ("was not tested"), or an account of why it made sense ("didn't check the lag because the dashboard was
 * green": local rationality).
 */
function undoneCheck(view: SentenceView, i: number): { from: number; subject: NounPhrase | undefined } | undefined {
  const { tokens } = view;
  const tok = tokens[i];
  if (!DILIGENCE_VERBS.has(tok.lemma) && !DILIGENCE_VERBS.has(tok.lower)) return undefined;
  const neg = tokens[i - 1]?.lower;
  let from: number;
  if ((neg === 'not' || neg === "n't" || neg === 'n’t') && /^(?:did|do|does)$/.test(tokens[i - 2]?.lower ?? '')) {
    if (tok.lower !== tok.lemma && tok.lower !== 'read') return undefined;
    from = i - 2;
  } else if (neg === 'never' && tok.lower !== tok.lemma) {
    from = i - 1;
  } else return undefined;
  const object = tokens[i + 1]?.lower ?? '';
  if (/^(?:any|anything|anyone|no|nothing|much|until|for)$/.test(object)) return undefined;
  if (/\b(?:because|since|given that|as (?:the|it|they|we|there))\b/i.test(view.text.slice(tok.end))) return undefined;
  const subject = subjectOf(tokens, from);
  if (!blamable(entityOf(view, subject))) return undefined;
  // "no application uses that path outside production, so we didn't catch it in testing": a consequence of how the
  // system was, told as one.
  const before = view.text.slice(0, tokens[subject?.start ?? from].start);
  if (/\b(?:so|therefore|thus|hence|as a result|which meant(?: that)?|meaning(?: that)?)\s*,?\s*$/i.test(before))
    return undefined;
  return { from, subject };
}

/** Reviews and sign-offs: a thing missed during one was missed by the people doing it. */
const HUMAN_CHECKS =
  /^\s*(?:during|in|at|at the time of)\s+(?:the\s+|our\s+|code\s+|peer\s+|pr\s+|change\s+|the\s+change\s+)?(?:review|reviews|approval|approvals|sign-?off|handover|hand-off|triage|cab)\b/i;

/** Whether the passive "was missed" at `i` names (or implies) a person as its agent. */
function passiveHumanAgent(view: SentenceView, i: number): boolean {
  const rest = view.text.slice(view.tokens[i].end);
  if (HUMAN_CHECKS.test(rest)) return true;
  const by = byAgent(view.tokens, i);
  return by !== undefined && by !== 'gerund' && blamable(entityOf(view, by));
}
