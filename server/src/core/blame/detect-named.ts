import type { Cue, SentenceView } from './cues';
import { nameAt } from './entities';
import { clauseStart, forms, isClausePunct, nounPhraseAt } from './grammar';
import { HARM_VERBS, HARM_WORDS, REMEDY_VERBS, WRONG_ACTION } from './lexicon';
import type { Token } from './tokens';

/** Things people make whose failure the sentence may pin on their maker ("Emeka's change", "Ewa's load test"). */
const ARTEFACTS = new Set(
  'change changes pr prs commit commits deploy deployment script scripts hotfix patch push merge migration config configuration typo mistake error errors fix test query command update upgrade rollout release edit cleanup flush job code regex rule flag decision work branch diff'.split(
    ' ',
  ),
);
/** Prepositions that make a phrase a cause ("caused by", "thanks to", "traces back to"). */
const CAUSAL = /\b(?:by|due to|because of|thanks to|owing to|back to|traced to|result of|fault of|from|after)\s*$/i;
const CAUSE_LABEL =
  /^\s*(?:[-*]\s*)?(?:\d{1,2}:\d{2}\s*)?(?:\(?(?:primary |root |proximate |direct |immediate )?(?:cause|causes|trigger|triggered by|caused by|culprit|responsible|at fault|blame|who broke it|why it happened|what (?:went wrong|happened))\)?)\s*[:\-–—|]/i;
const VERDICT = [
  /\bblame\b.{0,60}\b(?:lies|lay|rests|rested|falls|fell|sits|goes|went|belongs) (?:squarely |solely |entirely )?(?:with|on|to)\s*$/i,
  /\b(?:culprit|cause|root cause|trigger) (?:was|is|:)\s*$/i,
  /\bfault of\s*$/i,
];
const VERDICT_AFTER = [
  /^(?:'s|’s) fault\b/i,
  /^\s*(?:is|was|'s) (?:to blame|at fault|responsible for (?:the|this) (?:outage|incident|failure))/i,
  /^\s*(?:is|was) the (?:culprit|cause|root cause)\b/i,
];

function harmIn(view: SentenceView, from: number, to = view.tokens.length): boolean {
  const { tokens } = view;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    const f = forms(t);
    if (f.some((w) => HARM_WORDS.has(w))) return true;
    if ((t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'NOUN') && f.some((w) => HARM_VERBS.has(w))) return true;
    // "took down", "brought down", "knocked over", "went down"
    if (
      (f.includes('take') || f.includes('bring') || f.includes('knock') || f.includes('go')) &&
      ['down', 'over', 'out', 'offline'].includes(tokens[k + 1]?.lower ?? '')
    )
      return true;
  }
  const text = view.text.slice(tokens[from]?.start ?? view.text.length, tokens[to - 1]?.end ?? view.text.length);
  return WRONG_ACTION.some((re) => re.test(text));
}

/** The verb the phrase ending at `end` is the subject of, if it comes right after (skipping adverbs and a parenthetical). */
function verbAfter(tokens: Token[], end: number): number | undefined {
  let k = end;
  // "It was Rahul's deploy that introduced…"
  if (tokens[k] && /^(?:that|which|who)$/.test(tokens[k].lower)) k++;
  // ", deployed at 16:20," / ", pointed at production by accident,"
  if (tokens[k]?.text === ',') {
    const close = tokens.findIndex((t, x) => x > k && t.text === ',');
    if (close > 0 && close - k < 10 && tokens[k + 1]?.pos === 'VERB') k = close + 1;
  }
  if (tokens[k]?.text === '(') {
    const close = tokens.findIndex((t, x) => x > k && t.text === ')');
    if (close > 0) k = close + 1;
  }
  // "Lucía's typo in the nginx config caused…": skip prepositional phrases attached to the subject.
  for (let guard = 0; guard < 3 && tokens[k]?.pos === 'ADP' && tokens[k].lower !== 'by'; guard++) {
    const np = nounPhraseAt(tokens, k + 1);
    if (!np) break;
    k = np.end;
  }
  while (tokens[k] && (tokens[k].pos === 'ADV' || tokens[k].lower === 'then' || tokens[k].lower === 'also')) k++;
  const t = tokens[k];
  if (!t) return undefined;
  if (
    t.pos === 'VERB' ||
    (t.pos === 'AUX' && tokens[k + 1]?.pos === 'VERB') ||
    (t.pos === 'ADJ' && /ed$/.test(t.lower))
  )
    return k;
  if (t.pos === 'AUX') return k;
  return undefined;
}

function isRemedy(t: Token): boolean {
  return forms(t).some((f) => REMEDY_VERBS.has(f));
}

const REMEDY_OBJECTS = new Set([
  'fix',
  'fixed',
  'fixes',
  'patch',
  'patched',
  'rollback',
  'revert',
  'workaround',
  'mitigation',
  'hotfix',
  'corrected',
  'restored',
]);
const PROBLEM_OBJECTS = new Set([
  'stray',
  'affected',
  'orphaned',
  'stale',
  'leftover',
  'malicious',
  'broken',
  'faulty',
  'bad',
  'duplicate',
  'duplicated',
  'zombie',
  'stuck',
  'failing',
  'crashing',
  'corrupted',
  'corrupt',
  'unused',
  'spam',
  'hung',
  'dangling',
  'offending',
  'compromised',
  'leaked',
]);
const REMOVALS = new Set([
  'delete',
  'remove',
  'drop',
  'kill',
  'purge',
  'wipe',
  'evict',
  'revoke',
  'disable',
  'terminate',
  'clean',
  'quarantine',
  'yank',
]);

/**
 * Remedial work whatever the verb: "sent out a fix", "deploys a fixed Boskos", "rolled Prow back", "merges the
 * rollback PR", "a PR to fix…", or removing what is itself the problem ("deletes the affected versions").
 */
function isRemedialObject(tokens: Token[], verb: number): boolean {
  const removal = forms(tokens[verb]).some((f) => REMOVALS.has(f));
  for (let k = verb + 1; k < tokens.length && k < verb + 12; k++) {
    const t = tokens[k];
    if (isClausePunct(t) || t.lower === 'which' || t.lower === 'and') break;
    if (REMEDY_OBJECTS.has(t.lower) || (t.lower === 'back' && forms(tokens[verb]).includes('roll'))) return true;
    if (removal && PROBLEM_OBJECTS.has(t.lower)) return true;
  }
  return false;
}

/** A consequence attached to the person's own action: ", which dropped…", ", wiping out…", "and the primary went down". */
function consequenceAfter(view: SentenceView, verb: number): boolean {
  const { tokens } = view;
  for (let k = verb + 1; k < tokens.length; k++) {
    const t = tokens[k];
    // ", which dropped all writes" (an effect), not ", which is itself blocked" (a state of the object).
    if (t.text === ',' && tokens[k + 1]?.lower === 'which' && tokens[k + 2]?.pos !== 'AUX') return harmIn(view, k + 1);
    if (t.text === ',' && tokens[k + 1]?.pos === 'VERB' && tokens[k + 1].lower.endsWith('ing'))
      return harmIn(view, k + 1);
    if (t.lower === 'and' && tokens[k + 1] && nounPhraseAt(tokens, k + 1)) {
      const np = nounPhraseAt(tokens, k + 1);
      if (np && tokens[np.end]?.pos === 'VERB') return harmIn(view, k + 1);
    }
  }
  return false;
}

const ROLE_VERBS = new Set(['take', 'assume', 'become', 'act', 'serve', 'join', 'step', 'volunteer', 'accept']);
const ROLE_NOUNS =
  /^(?:commander|ic|command|lead|leader|scribe|coordinator|liaison|role|owner|responder|on-?call|facilitator|point|dri)$/;

/** Taking a role in the response is neutral: "Priya takes the incident commander role", "Aiko became the IC". */
function takesRole(tokens: Token[], verb: number): boolean {
  if (!forms(tokens[verb]).some((f) => ROLE_VERBS.has(f))) return false;
  for (let k = verb + 1; k < tokens.length && k < verb + 7; k++) {
    if (isClausePunct(tokens[k])) return false;
    if (ROLE_NOUNS.test(tokens[k].lower)) return true;
  }
  return false;
}

/** A named person or @handle as the agent or cause of the failure. */
export function detectNamed(view: SentenceView, other: readonly Cue[]): Cue[] {
  const { tokens, ctx } = view;
  const cues: Cue[] = [];
  const seen = new Set<number>();
  const label = CAUSE_LABEL.exec(view.text);
  const ownerColumn = (k: number) => {
    if (!view.columns || !view.cells) return false;
    const cell = view.cells.findIndex((c) => tokens[k].start >= c.textStart && tokens[k].start < c.textEnd);
    return cell >= 0 && /owner|assignee|who|author|contact|responsible|dri|lead/.test(view.columns[cell] ?? '');
  };

  for (let i = 0; i < tokens.length; i++) {
    const name = nameAt(tokens, i, ctx);
    if (!name) continue;
    i = name.end - 1;
    if (seen.has(name.start) || ownerColumn(name.start)) continue;
    const report = (reason: string) => {
      seen.add(name.start);
      const start = tokens[name.start].start;
      const end = tokens[name.end - 1].end;
      cues.push({
        kind: 'named-individual',
        start,
        end,
        phrase: view.text.slice(start, end),
        subject: view.text.slice(start, end),
        reason,
      });
    };
    const before = view.text.slice(0, tokens[name.start].start);
    const after = view.text.slice(tokens[name.end - 1].end);
    const possessive =
      tokens[name.end]?.lower === "'s" ||
      (/s$/i.test(tokens[name.end - 1].text) &&
        /^['’]$/.test(tokens[name.end]?.text ?? '') &&
        tokens[name.end].start === tokens[name.end - 1].end);

    // Verdicts: "Tariq's fault", "Leila is to blame", "blame lies with Thabo", "the culprit was Jin-woo".
    if (VERDICT.some((re) => re.test(before)) || VERDICT_AFTER.some((re) => re.test(after))) {
      report('verdict');
      continue;
    }
    // A cue of another kind whose subject is this person: "Paolo should have known".
    const own = other.find(
      (c) =>
        c.subject?.includes(view.text.slice(tokens[name.start].start, tokens[name.end - 1].end)) &&
        c.kind !== 'named-individual',
    );
    if (own) {
      report(`subject-of-${own.kind}`);
      continue;
    }
    // The answer to "Who broke prod?"
    if (name.start === 0 && view.previous && /^who\b/i.test(view.previous.trim()) && /\?\s*$/.test(view.previous)) {
      report('answer');
      continue;
    }

    // Find what the person (or their artefact) did.
    let phraseEnd = name.end;
    let artefact = false;
    if (possessive) {
      const np = nounPhraseAt(tokens, name.end + 1);
      if (np && ARTEFACTS.has(tokens[np.head].lemma)) {
        artefact = true;
        phraseEnd = np.end;
      } else continue; // "Anjali's analysis showed…"
    }
    const prefix = view.text.slice(0, tokens[name.start].start);
    // "caused by Wei's migration", "thanks to Sven's change", "the mistake by Nia", "done by Yusuf".
    if (CAUSAL.test(prefix)) {
      if (harmIn(view, 0, name.start) || harmIn(view, phraseEnd) || (artefact && /\bby\s*$/i.test(prefix))) {
        const by = /\bby\s*$/i.test(prefix);
        if (!by || artefact || harmIn(view, 0, name.start)) {
          const byAt = name.start - 1;
          let passiveVerb: Token | undefined;
          for (let k = byAt - 1; k >= 0 && !isClausePunct(tokens[k]); k--) {
            if (tokens[k].pos === 'VERB') {
              passiveVerb = tokens[k];
              break;
            }
          }
          const remedial =
            by &&
            passiveVerb !== undefined &&
            (isRemedy(passiveVerb) ||
              /^(?:written|authored|owned|led|run|facilitated|prepared|edited|compiled)$/.test(passiveVerb.lower));
          if (!remedial) {
            report('cause');
            continue;
          }
        }
      }
    }
    // Under a cause label ("Root cause: Omar.", "Trigger: @aisha.k ran…").
    if (label && tokens[name.start].start >= label[0].length - 1 && tokens[name.start].start <= label[0].length + 3) {
      const v = verbAfter(tokens, phraseEnd);
      if (v === undefined || !isRemedy(tokens[v])) {
        report('cause-label');
        continue;
      }
    }
    const v = verbAfter(tokens, phraseEnd);
    if (v === undefined) continue;
    const verb = tokens[v];
    // "Sofia was paged": the person received the failure. "Jonas will own the follow-up": a plan.
    if (verb.pos === 'AUX') {
      const nextVerb = tokens[v + 1];
      if (['will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'shall'].includes(verb.lower)) continue;
      if (['was', 'were', 'is', 'are', 'been', 'got', 'be'].includes(verb.lower) && nextVerb?.pos === 'VERB') continue;
      if (verb.lower !== 'had' && verb.lower !== 'has' && verb.lower !== 'did') continue;
    }
    let main = verb.pos === 'AUX' && tokens[v + 1]?.pos === 'VERB' ? v + 1 : v;
    // "begins looking", "started to investigate": the action is the second verb.
    if (forms(tokens[main]).some((f) => ['begin', 'start', 'continue', 'try', 'attempt', 'decide', 'go'].includes(f))) {
      let k = main + 1;
      if (tokens[k]?.lower === 'to') k++;
      if (tokens[k]?.pos === 'VERB') main = k;
    }
    if (isRemedialObject(tokens, main) || takesRole(tokens, main)) continue;
    // "Kim accidentally rebooted the primary": a remedy verb done by mistake is the harm itself.
    const clauseText = view.text.slice(tokens[name.start].start, tokens[Math.min(tokens.length - 1, main + 8)].end);
    const mistaken = /\b(?:accidentally|mistakenly|inadvertently|by (?:mistake|accident)|instead of|the wrong)\b/i.test(
      clauseText,
    );
    if (isRemedy(tokens[main]) && !mistaken) {
      if (consequenceAfter(view, main)) report('consequence');
      continue;
    }
    // A subordinate clause of cause ("because Kwame ran…", "after @rafa.m truncated…", "when Kenji ran…").
    const c = clauseStart(tokens, name.start);
    const subordinate = c > 0 && ['because', 'after', 'when', 'since', 'once', 'as'].includes(tokens[c - 1].lower);
    if (
      mistaken ||
      harmIn(view, main) ||
      (subordinate && harmIn(view, 0, c - 1)) ||
      (artefact && harmIn(view, 0, name.start))
    ) {
      report(artefact ? 'artefact' : 'agent');
    }
  }
  return cues;
}
