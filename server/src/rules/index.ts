import type { AnyRule } from '../core/rule';
import { notAnalysed } from './input/not-analysed';
import { frontmatterSyntax } from './metadata/frontmatter-syntax';
import { emptySection } from './structure/empty-section';
import { requiredSection } from './structure/required-section';

/** Every rule, in the order findings are reported and documented. Add new rules here. */
export const RULES: readonly AnyRule[] = [notAnalysed, frontmatterSyntax, requiredSection, emptySection];

export function findRule(id: string): AnyRule | undefined {
  return RULES.find((r) => r.id === id);
}
