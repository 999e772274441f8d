import type { OptionSchema, RuleContext } from '../rule';
import { analyzeBlame, type BlameSettings } from './analysis';
import type { BlameKind } from './cues';
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
): void {
  const analysis = analyzeBlame(model, settings);
  for (const finding of analysis.findings) {
    if (finding.kind !== kind) continue;
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
