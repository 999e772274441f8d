import type { OptionSchema, RuleContext } from '../rule';
import { analyzeBlame, type BlameSettings } from './analysis';
import type { BlameKind, Cue } from './cues';
import { blameFixes, roleFor } from './fixes';
import { messageFor } from './messages';

/** The `allow` option every blame rule takes. */
export function allowOption(what: string): Record<string, OptionSchema> {
  return {
    allow: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      description: `${what} never to flag (compared ignoring case and accents). The "Allow" quick fix adds to this list.`,
    },
  };
}

/**
 * Reports the blame findings of one kind, for the rule `ruleId` (its fixes name it); the analysis runs once per
 * document and settings and is shared by the four rules.
 */
export function reportBlame(
  kind: BlameKind,
  ruleId: string,
  settings: BlameSettings,
  { model, report }: Pick<RuleContext, 'model' | 'report'>,
  skip?: (cue: Cue, sentence: string) => boolean,
): void {
  const analysis = analyzeBlame(model, settings);
  for (const finding of analysis.findings) {
    if (finding.kind !== kind || skip?.(finding.cue, finding.sentence.text)) continue;
    const role = kind === 'named-individual' ? roleFor(finding.cue.phrase, analysis.ctx) : undefined;
    report({
      message: messageFor(kind, finding.cue, role),
      start: finding.start,
      end: finding.end,
      data: { blame: kind, phrase: finding.cue.phrase, reason: finding.cue.reason, ...(role ? { role } : {}) },
      fixes: blameFixes(model, finding, ruleId, analysis.ctx),
    });
  }
}

/**
 * Hindsight about the writers' own actions: "If we had deployed…", "We should have rolled back sooner", "The outage
 * could have been avoided by deploying…" (no one else named). Teams that write their analysis in the first person
 * may allow it (`blame/counterfactual`'s `ownActions: "allow"`); hindsight about anyone else stays flagged.
 */
export function isOwnHindsight(cue: Cue, sentence: string): boolean {
  const subject = cue.subject?.trim().toLowerCase();
  if (subject && /^(?:we|us|i|our (?:team|teams|side|engineers|org|organi[sz]ation))$/.test(subject)) return true;
  if (/^if (?:we|i) had\b/i.test(cue.phrase) || /^(?:we|i)\b/i.test(cue.phrase)) return true;
  // A passive avoidance with no person in it: "could have been avoided by deploying the changes individually".
  return (
    cue.reason === 'avoidable' &&
    !/\b(?:he|she|they|them|his|her|their|someone|somebody|the (?:engineer|operator|on-?call|developer|admin)\w*)\b/i.test(
      sentence,
    )
  );
}
