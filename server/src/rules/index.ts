import type { AnyRule } from '../core/rule';
import { missingDetails } from './action-items/missing-details';
import { missingOwner } from './action-items/missing-owner';
import { missingTracking } from './action-items/missing-tracking';
import { noHighPriority } from './action-items/no-high-priority';
import { vague } from './action-items/vague';
import { counterfactual } from './blame/counterfactual';
import { humanError } from './blame/human-error';
import { judgment } from './blame/judgment';
import { namedIndividual } from './blame/named-individual';
import { dataLoss } from './impact/data-loss';
import { incomplete } from './impact/incomplete';
import { unquantified } from './impact/unquantified';
import { notAnalysed } from './input/not-analysed';
import { repeatIncident } from './learning/repeat-incident';
import { frontmatterSyntax } from './metadata/frontmatter-syntax';
import { invalidValue } from './metadata/invalid-value';
import { missingIncidentCommander } from './metadata/missing-incident-commander';
import { missingOwner as missingPostmortemOwner } from './metadata/missing-owner';
import { publicationDelay } from './metadata/publication-delay';
import { severityBudgetMismatch } from './metadata/severity-budget-mismatch';
import { unknownKey } from './metadata/unknown-key';
import { emptySection } from './structure/empty-section';
import { requiredSection } from './structure/required-section';
import { statedElsewhere } from './structure/stated-elsewhere';
import { suggestedSection } from './structure/suggested-section';
import { unexplainedAcronymsRule } from './structure/unexplained-acronyms';
import { missingMilestone } from './timeline/missing-milestone';
import { missingTimezone } from './timeline/missing-timezone';
import { outOfOrder } from './timeline/out-of-order';
import { unparseableTime } from './timeline/unparseable-time';

/** Every rule, in the order findings are reported and documented. Add new rules here. */
export const RULES: readonly AnyRule[] = [
  notAnalysed,
  frontmatterSyntax,
  invalidValue,
  unknownKey,
  missingPostmortemOwner,
  missingIncidentCommander,
  publicationDelay,
  severityBudgetMismatch,
  requiredSection,
  statedElsewhere,
  suggestedSection,
  unexplainedAcronymsRule,
  emptySection,
  outOfOrder,
  missingTimezone,
  unparseableTime,
  missingMilestone,
  unquantified,
  incomplete,
  dataLoss,
  missingOwner,
  missingTracking,
  missingDetails,
  noHighPriority,
  vague,
  namedIndividual,
  humanError,
  judgment,
  counterfactual,
  repeatIncident,
];

export function findRule(id: string): AnyRule | undefined {
  return RULES.find((r) => r.id === id);
}
