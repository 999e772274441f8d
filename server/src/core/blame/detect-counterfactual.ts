import { type Cue, isQuoted, isRejected, phraseText, type SentenceView, span } from './cues';
import { classify, type Entity, isPersonLike } from './entities';
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
import {
  AVOIDED,
  FAILURE_VERBS,
  HINDSIGHT_VERBS,
  HUMAN_ACTIVITY_PARTICIPLES,
  HUMAN_PROCESS_NOUNS,
  IMPACT_WORDS,
  REMEDY_VERBS,
} from './lexicon';
import type { Token } from './tokens';

const MODALS = new Set(['should', 'could', 'ought', 'would']);
const SKIPPABLE = new Set([
  'not',
  "n't",
  'really',
  'definitely',
  'probably',
  'likely',
  'easily',
  'simply',
  'just',
  'also',
  'certainly',
  'surely',
  'clearly',
  'obviously',
  'at',
  'least',
  'trivially',
  'then',
  'still',
  'never',
]);

interface ModalPerfect {
  modal: number;
  /** Index of the last token of the cue ("have", or "been"). */
  have: number;
  voice: 'active' | 'passive' | 'copula' | 'elliptical';
  /** The participle (active or passive), or the copula's complement. */
  verb?: number;
}

/** "should have", "could've", "ought not to have", "would have been" … with what follows. */
function modalPerfectAt(tokens: Token[], i: number): ModalPerfect | undefined {
  if (!MODALS.has(tokens[i].lower)) return undefined;
  let j = i + 1;
  while (tokens[j] && (SKIPPABLE.has(tokens[j].lower) || (tokens[i].lower === 'ought' && tokens[j].lower === 'to')))
    j++;
  if (!tokens[j] || !['have', "'ve", 'of'].includes(tokens[j].lower)) return undefined;
  const have = j;
  let k = j + 1;
  while (tokens[k] && (SKIPPABLE.has(tokens[k].lower) || tokens[k].pos === 'ADV') && tokens[k].lower !== 'been') k++;
  const next = tokens[k];
  if (!next || next.kind === 'punct') return { modal: i, have, voice: 'elliptical' };
  if (next.lower === 'to') return undefined; // "should have to": an obligation, not hindsight
  if (next.lower === 'been') {
    let m = k + 1;
    while (
      tokens[m] &&
      (tokens[m].pos === 'ADV' || SKIPPABLE.has(tokens[m].lower)) &&
      !/^(?:enough|obvious|clear)$/.test(tokens[m].lower)
    )
      m++;
    const after = tokens[m];
    if (!after || after.kind === 'punct' || after.pos === 'SCONJ') return { modal: i, have: k, voice: 'elliptical' };
    if (after.pos === 'VERB' && /(?:ed|en|wn|ght|ne|un|ung|ot|lt|pt|nt|id|ade)$/.test(after.lower))
      return { modal: i, have: k, voice: 'passive', verb: m };
    return { modal: i, have: k, voice: 'copula', verb: m };
  }
  if (next.lower === 'had') return undefined; // "should not have had lingering issues": possession
  // "should have alerting": a gerund after have is a noun (possession), not a participle.
  if ((next.pos === 'VERB' || next.pos === 'AUX' || /ed$/.test(next.lower)) && !/ing$/.test(next.lower))
    return { modal: i, have, voice: 'active', verb: k };
  return undefined; // "should have a talk", "should have priority": have = possess
}

const ADVERSARY_CONTEXT =
  /\b(?:attack(?:er|ers|s)?|adversar(?:y|ies)|phish\w*|malicious|malware|hacker|intruder|scammer|spammer|threat actor)\b/i;

function entityOf(view: SentenceView, np: NounPhrase | undefined): Entity | undefined {
  if (!np) return undefined;
  const entity = classify(view.tokens, np, view.ctx);
  // "they could have captured the second factor": in a passage about an attacker, "they" is the attacker.
  if (
    entity.kind === 'person' &&
    /^(?:they|he|she|them)$/.test(view.tokens[np.head].lower) &&
    (ADVERSARY_CONTEXT.test(view.text) || ADVERSARY_CONTEXT.test(view.previous ?? ''))
  ) {
    return { kind: 'adversary' };
  }
  return entity;
}

const blamable = (e: Entity | undefined) => !!e && isPersonLike(e) && !e.negative;

/** A "by …" agent after token `i`, within the clause. */
function byAgent(tokens: Token[], i: number): NounPhrase | 'gerund' | undefined {
  for (let k = i + 1; k < tokens.length && k < i + 8; k++) {
    if (tokens[k].kind === 'punct' && tokens[k].text !== '-') return undefined;
    if (tokens[k].lower === 'by') {
      const next = tokens[k + 1];
      if (next && next.pos === 'VERB' && next.lower.endsWith('ing')) return 'gerund';
      return nounPhraseAt(tokens, k + 1);
    }
  }
  return undefined;
}

function hasImpactWording(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length; k++) {
    if (tokens[k].kind === 'punct' && tokens[k].text !== '-') break;
    if (forms(tokens[k]).some((f) => IMPACT_WORDS.has(f))) return true;
  }
  return false;
}

function isHumanProcess(tokens: Token[], np: NounPhrase | undefined): boolean {
  return !!np && forms(tokens[np.head]).some((f) => HUMAN_PROCESS_NOUNS.has(f));
}

function lastParticipleBefore(tokens: Token[], i: number): number | undefined {
  for (let k = i - 1; k >= 0; k--) if (tokens[k].pos === 'VERB' && /(?:ed|en|wn|ght)$/.test(tokens[k].lower)) return k;
  return undefined;
}

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

/** Hindsight about what people should or could have done. */
/** Verbs of expectation and wish: "we would have expected", "would have liked". */
const EXPECTATION_VERBS = new Set([
  'expect',
  'anticipate',
  'predict',
  'like',
  'love',
  'want',
  'prefer',
  'hope',
  'guess',
  'imagine',
  'estimate',
]);
/** Verbs of a better outcome that an untaken action "would have" brought. */
const OUTCOME_VERBS = new Set(
  'show shown tell told reveal revealed save saved catch caught prevent prevented avoid avoided spare spared stop stopped flag flagged surface surfaced expose exposed highlight highlighted make-clear point pointed confirm confirmed detect detected find found limit limited'.split(
    ' ',
  ),
);
/** Verbs of watching and guarding: "had we not been monitoring" is about a safeguard. */
const SAFEGUARD_VERBS = new Set(['monitor', 'watch', 'alert', 'page', 'have', 'keep', 'run', 'deploy', 'build', 'add']);
/** Nouns of a person's quick action ("a quick dig", "a glance at the graph", "one question"). */
const ACTION_NOUNS = new Set(
  'glance look check dig grep query question call test read reading review peek search ping restart rollback revert dry-run dryrun rehearsal conversation word heads-up reminder double-check sanity-check'.split(
    ' ',
  ),
);

/** Whether a subject is a person's action: a gerund ("reading the runbook") or an action noun ("a quick dig"). */
function humanActionSubject(tokens: Token[], np: NounPhrase | undefined): boolean {
  if (!np) return false;
  const first = tokens[np.start];
  if (
    first.lower.endsWith('ing') &&
    (first.pos === 'VERB' || first.pos === 'NOUN') &&
    !/^(?:nothing|something|anything|everything)$/.test(first.lower)
  )
    return true;
  for (let k = np.start; k < np.end; k++)
    if (ACTION_NOUNS.has(tokens[k].lemma) || ACTION_NOUNS.has(tokens[k].lower)) return true;
  return false;
}

/** "Simply checking the disk before the upgrade would have…": a sentence that opens with a gerund clause. */
function gerundOpening(tokens: Token[], modal: number): boolean {
  let k = 0;
  while (tokens[k] && tokens[k].pos === 'ADV') k++;
  const t = tokens[k];
  return (
    !!t &&
    k < modal &&
    t.lower.endsWith('ing') &&
    t.pos === 'VERB' &&
    !/^(?:nothing|something|anything|everything|during)$/.test(t.lower)
  );
}

/** Obligation and opportunity frames, with a person as the subject: "was supposed to … but", "had every opportunity to". */
const FRAMES: { re: RegExp; reason: string; person: boolean }[] = [
  {
    re: /\b(?:was|were) (?:supposed|meant|expected|required|told|asked) to\b(?=[^.;]*\b(?:but|yet|instead|and (?:never|didn['’]t|did not|went|skipped))\b)/gi,
    reason: 'supposed-to',
    person: true,
  },
  {
    re: /\b(?:needed|had|ought|was going) to have (?:[\w-]+ )?\w+(?:ed|en|wn|ne|ght)\b/gi,
    reason: 'needed-to-have',
    person: true,
  },
  {
    re: /\bhad (?:every|ample|plenty of|more than enough|all the) (?:opportunity|chance|time|reason|warning) to\b/gi,
    reason: 'opportunity',
    person: true,
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
  /supposed|meant|expected|required|told|asked|to have|opportunit|chance|time|reason|warning|think|thought|stop|pause|move|step|call|choice|thing|action|fix|response|play|see|sight|face|right there|right in front|clearly|obviously|naturally|of course|needless|evidently|plainly/i;

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

  if (FRAME_WORDS.test(view.text)) {
    for (const { re, reason, person } of FRAMES) {
      re.lastIndex = 0;
      for (let m = re.exec(view.text); m !== null; m = re.exec(view.text)) {
        const t = tokens.findIndex((x) => x.start >= m.index);
        if (t < 0) continue;
        const end = tokens.findIndex((x) => x.end >= m.index + m[0].length);
        const subjectNp = subjectOf(tokens, t);
        if (person && !blamable(entityOf(view, subjectNp))) continue;
        // "the pipeline was expected to finish by 6, but…": a system's expected behaviour.
        if (reason === 'plain-sight' || reason === 'hindsight' || reason === 'obvious-move' || reason === 'didnt-think')
          if (question && !rhetorical && reason !== 'didnt-think') continue;
        push(t, (end < 0 ? tokens.length - 1 : end) + 1, reason, subjectNp);
      }
    }
  }

  tokens.forEach((tok, i) => {
    const mp = modalPerfectAt(tokens, i);
    if (mp) {
      if (question && !rhetorical) return;
      const subjectNp = subjectOf(tokens, i);
      const subject = entityOf(view, subjectNp);
      if (subject?.kind === 'adversary') return;
      const modal = tok.lower;
      const verb = mp.verb !== undefined ? tokens[mp.verb] : undefined;
      const verbForms = verb ? forms(verb) : [];
      // "we would have expected", "we'd have liked": an expectation or a wish, not a verdict.
      if (verbForms.some((f) => EXPECTATION_VERBS.has(f))) return;
      // "Anyone that possesses the key could have restarted it": a capability, not what someone should have done.
      if (
        modal === 'could' &&
        subjectNp &&
        /^(?:anyone|anybody|everyone|everybody)$/.test(tokens[subjectNp.head].lower)
      )
        return;
      // "A quick dig +trace would have shown…", "reading the runbook would have saved an hour": a human action,
      // untaken, as the subject of a better outcome.
      if (
        mp.voice === 'active' &&
        (modal === 'would' || modal === 'could') &&
        (humanActionSubject(tokens, subjectNp) || gerundOpening(tokens, i)) &&
        verbForms.some((f) => OUTCOME_VERBS.has(f))
      ) {
        push(i, mp.have + 1, 'untaken-action', subjectNp);
        return;
      }
      // "Any seasoned engineer would have tested the restore": what a better person would have done.
      if (
        modal === 'would' &&
        mp.voice === 'active' &&
        subjectNp &&
        /^(?:any|every)$/.test(tokens[subjectNp.start].lower)
      ) {
        if (blamable(subject)) push(i, mp.have + 1, 'hindsight', subjectNp);
        return;
      }
      // "It would have taken five minutes to set a reminder".
      if (
        modal === 'would' &&
        verbForms.includes('take') &&
        /^\s*(?:(?:only|just|all of|less than|about|maybe) )?(?:a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|\d+|a few|a couple of)[- ](?:\w+ )?(?:seconds?|minutes?|mins?|hours?|clicks?|commands?|lines?)\b[^.]*\bto\b/i.test(
          view.text.slice(tokens[mp.verb ?? i].end),
        )
      ) {
        push(i, (mp.verb ?? i) + 1, 'minimizer', subjectNp);
        return;
      }
      if (modal === 'would') {
        // "Anyone would have seen…", "it would have taken the on-call ten seconds".
        if (mp.voice === 'active' && blamable(subject) && verbForms.some((f) => HINDSIGHT_VERBS.has(f)))
          push(i, mp.have + 1, 'hindsight', subjectNp);
        else if (mp.voice === 'active' && verbForms.includes('take')) {
          const object = nounPhraseAt(tokens, (mp.verb ?? i) + 1);
          if (object && blamable(entityOf(view, object))) push(i, (mp.verb ?? i) + 1, 'minimizer', object);
        } else if (mp.voice === 'copula' && verb && /^(?:easy|trivial|simple|obvious)$/.test(verb.lower))
          push(i, (mp.verb ?? i) + 1, 'minimizer', subjectNp);
        return;
      }
      if (mp.voice === 'active') {
        // "the rollback should have happened before anyone…": a human process that came late.
        if (modal !== 'could' && !blamable(subject) && isHumanProcess(tokens, subjectNp)) {
          push(i, mp.have + 1, 'should-have', subjectNp);
          return;
        }
        if (!blamable(subject)) return;
        if (modal === 'could' && hasImpactWording(tokens, (mp.verb ?? i) + 1)) return;
        push(i, mp.have + 1, modal === 'could' ? 'could-have' : 'should-have', subjectNp);
        return;
      }
      if (mp.voice === 'passive' && verb) {
        const agent = byAgent(tokens, mp.verb ?? i);
        if (agent === 'gerund') {
          push(i, (mp.verb ?? i) + 1, 'avoidable', subjectNp);
          return;
        }
        if (agent) {
          if (blamable(entityOf(view, agent))) push(i, (mp.verb ?? i) + 1, 'passive', agent);
          return;
        }
        const human = verbForms.some((f) => HUMAN_ACTIVITY_PARTICIPLES.has(f));
        const avoided = verbForms.some((f) => AVOIDED.has(f));
        if (human || avoided || (isHumanProcess(tokens, subjectNp) && modal !== 'could'))
          push(i, (mp.verb ?? i) + 1, 'passive', subjectNp);
        return;
      }
      if (mp.voice === 'copula' && verb) {
        // "should have been enough for the engineer to stop", "should have been obvious to the reviewer".
        const rest = tokens.slice((mp.verb ?? i) + 1, (mp.verb ?? i) + 6);
        const forWhom = rest.findIndex((t) => t.lower === 'for' || t.lower === 'to');
        if (/^(?:enough|sufficient|obvious|clear|apparent|evident)$/.test(verb.lower) && forWhom >= 0) {
          const who = nounPhraseAt(tokens, (mp.verb ?? i) + 2 + forWhom);
          if (blamable(entityOf(view, who))) push(i, (mp.verb ?? i) + 1, 'hindsight', who);
        }
        return;
      }
      if (mp.voice === 'elliptical') {
        // "not handled as well as it could have been": the participle comes earlier.
        const p = lastParticipleBefore(tokens, i);
        if (p !== undefined && forms(tokens[p]).some((f) => HUMAN_ACTIVITY_PARTICIPLES.has(f)))
          push(i, mp.have + 1, 'passive', subjectNp);
      }
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
      if (tokens[i - 1] && ['was', 'were', 'been', 'be', 'is', 'are'].includes(tokens[i - 1].lower)) return; // passive
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
    // "just had to", "only needed to", "all the on-call needed to do was".
    if (
      (tok.lower === 'just' || tok.lower === 'only' || tok.lower === 'simply') &&
      ['had', 'needed', 'has', 'needs', 'need', 'have'].includes(tokens[i + 1]?.lower ?? '') &&
      tokens[i + 2]?.lower === 'to'
    ) {
      const subject = entityOf(view, subjectOf(tokens, i));
      const firstPerson = /^(?:we|i)$/i.test(tokens[subjectOf(tokens, i)?.head ?? -1]?.lower ?? '');
      if (blamable(subject) && !firstPerson) push(i, i + 3, 'minimizer');
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
