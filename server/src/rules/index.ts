import type { AnyRule } from '../core/rule';
import { notAnalysed } from './input/not-analysed';
import { frontmatterSyntax } from './metadata/frontmatter-syntax';
import { emptySection } from './structure/empty-section';
import { requiredSection } from './structure/required-section';
import { counterfactual } from './blame/counterfactual';
import { humanError } from './blame/human-error';
import { judgment } from './blame/judgment';
import { namedIndividual } from './blame/named-individual';
import { missingOwner } from './action-items/missing-owner';
import { missingTracking } from './action-items/missing-tracking';
import { vague } from './action-items/vague';
import { unquantified } from './impact/unquantified';
import { invalidValue } from './metadata/invalid-value';
import { unknownKey } from './metadata/unknown-key';
import { missingMilestone } from './timeline/missing-milestone';
import { missingTimezone } from './timeline/missing-timezone';
import { outOfOrder } from './timeline/out-of-order';
import { unparseableTime } from './timeline/unparseable-time';

/** Every rule, in the order findings are reported and documented. Add new rules here. */
export const RULES: readonly AnyRule[] = [notAnalysed, frontmatterSyntax, requiredSection, emptySection, namedIndividual, humanError, judgment, counterfactual, invalidValue, unknownKey, outOfOrder, missingTimezone, unparseableTime, missingMilestone, unquantified, missingOwner, missingTracking, vague];

export function findRule(id: string): AnyRule | undefined {
  return RULES.find((r) => r.id === id);
}
