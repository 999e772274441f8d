import type { BlameKind } from './blame/cues';
import type { SectionKind } from './kinds';
import type { MilestoneKind } from './timeline';
import type { Finding, Severity } from './types';

/**
 * The facts a finding states in its `data` that the adapters act on (a quick fix, the Postmortem view, a report):
 * they read these, never the rule id, so a rule can be renamed, split or joined without touching them. A rule
 * sets the fact it stands for; `data` may hold more (the fixtures check those).
 */
export interface FindingFacts {
  /** The part of the postmortem the finding is about. */
  section?: SectionKind;
  /**
   * The required part `section` is still missing: no section of its own, or one with nothing written in it
   * (structure/required-section). "Insert all missing sections" gathers these.
   */
  missingPart?: true;
  /** The action item lacks its owner or its ticket: a placeholder for it can be inserted at the action's end. */
  lacks?: 'owner' | 'ticket';
  /** The timeline does not show this milestone (timeline/missing-milestone): marking an entry provides it. */
  missingMilestone?: MilestoneKind;
  /** Blameful wording of this kind (the blame rules): the views and reports count these apart. */
  blame?: BlameKind;
  /** The section still holds only the template's text (structure/empty-section's "still to write" note). */
  template?: true;
  /** With `template`: the severity a missing part has under the config (structure/required-section's). */
  missingSeverity?: Severity | 'off';
}

/** The facts of a finding (its `data`, read as `FindingFacts`). */
export function findingFacts(finding: Pick<Finding, 'data'>): FindingFacts {
  return (finding.data ?? {}) as FindingFacts;
}
