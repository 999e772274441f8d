import type { OptionSchema, RuleContext } from '../rule';
import { analyzeBlame, RULE_IDS } from './analysis';
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

/** Reports the blame findings of one kind; the analysis runs once per document and is shared by the four rules. */
export function reportBlame(kind: BlameKind, { model, config, report }: RuleContext): void {
  const analysis = analyzeBlame(model, config);
  const ruleId = RULE_IDS[kind];
  for (const finding of analysis.findings) {
    if (finding.kind !== kind) continue;
    const role = kind === 'named-individual' ? roleFor(finding.cue.phrase, analysis.ctx) : undefined;
    report({
      message: messageFor(kind, finding.cue, role),
      start: finding.start,
      end: finding.end,
      data: { phrase: finding.cue.phrase, reason: finding.cue.reason, ...(role ? { role } : {}) },
      fixes: blameFixes(model, finding, ruleId, analysis.ctx),
    });
  }
}
