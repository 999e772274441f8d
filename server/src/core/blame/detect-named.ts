import type { Cue, SentenceView } from './cues';
import { nameAt } from './entities';
import { clauseStart, forms, isClausePunct, nounPhraseAt } from './grammar';
import {
  changeAction,
  changeVerb,
  consequenceAfter,
  coordinatedChange,
  harmIn,
  isRemedialObject,
  isRemedy,
  takesRole,
} from './named-actions';
import { CAUSAL, CAUSE_LABEL, isArtefact, VERDICT, VERDICT_AFTER, verbAfter } from './named-phrases';
import type { Token } from './tokens';

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
    const whose = tokens[name.end]?.text === ',' && tokens[name.end + 1]?.lower === 'whose';
    if (possessive || whose) {
      const np = nounPhraseAt(tokens, name.end + (whose ? 2 : 1));
      if (np && isArtefact(tokens[np.head])) {
        artefact = true;
        phraseEnd = np.end;
      } else continue; // "Anjali's analysis showed…"
    }
    const prefix = view.text.slice(0, tokens[name.start].start);
    // "caused by Wei's migration", "thanks to Sven's change", "the mistake by Nia", "done by Yusuf".
    if (CAUSAL.test(prefix)) {
      if (harmIn(view, 0, name.start) || harmIn(view, phraseEnd) || (artefact && /\bby\s*$/i.test(prefix))) {
        const by = /\bby\s*$/i.test(prefix);
        // "PR #2231, merged by Nomvula, removed the retry…": the artefact in apposition is the subject of the harm.
        const apposedHarm = by && tokens[phraseEnd]?.text === ',' && harmIn(view, phraseEnd);
        if (!by || artefact || apposedHarm || harmIn(view, 0, name.start)) {
          const byAt = name.start - 1;
          let passiveVerb: Token | undefined;
          for (let k = byAt - 1; k >= 0 && !isClausePunct(tokens[k]); k--) {
            if (tokens[k].pos === 'VERB') {
              passiveVerb = tokens[k];
              break;
            }
          }
          // "written by Ana" credits an author, unless what was written is itself the harm ("the bad query was
          // written by Yerlan").
          const remedial =
            by &&
            passiveVerb !== undefined &&
            (isRemedy(passiveVerb) ||
              (/^(?:written|authored|owned|led|run|facilitated|prepared|edited|compiled)$/.test(passiveVerb.lower) &&
                !harmIn(view, 0, byAt)));
          if (!remedial) {
            report('cause');
            continue;
          }
        }
      }
      // "The cache was flushed by Bartosz during peak traffic": a change done to the system, with the person as
      // its agent.
      if (/\bby\s*$/i.test(prefix) && !artefact) {
        let passive = -1;
        for (let k = name.start - 2; k >= 0 && !isClausePunct(tokens[k]); k--) {
          if (tokens[k].pos === 'VERB' || (tokens[k].pos === 'ADJ' && /ed$/.test(tokens[k].lower))) {
            passive = k;
            break;
          }
        }
        const aux = passive > 0 && /^(?:was|were|been|got|is|are)$/.test(tokens[passive - 1]?.lower ?? '');
        if (aux && !isRemedy(tokens[passive], tokens[passive + 1], view) && changeVerb(tokens[passive])) {
          report('cause');
          continue;
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
    const v = verbAfter(tokens, phraseEnd, name.start);
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
    if (
      forms(tokens[main]).some((f) =>
        [
          'begin',
          'start',
          'continue',
          'try',
          'attempt',
          'decide',
          'go',
          'manage',
          'help',
          'proceed',
          'rush',
          'hurry',
        ].includes(f),
      )
    ) {
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
    if (tokens[main].lemma === 'fail' && isRemedy(tokens[main], tokens[main + 1], view) && !mistaken) continue;
    if (isRemedy(tokens[main], tokens[main + 1], view) && !mistaken) {
      if (coordinatedChange(view, main)) {
        report('change');
        continue;
      }
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
    } else if (changeAction(view, main, artefact)) {
      report(artefact ? 'artefact' : 'change');
    }
  }
  return cues;
}
