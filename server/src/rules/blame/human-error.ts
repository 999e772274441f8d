import { EXPLANATIONS } from '../../core/blame/messages';
import { allowOption } from '../../core/blame/rule-helper';
import type { Rule } from '../../core/rule';
import { BLAME_RULE_IDS, checkBlame } from './family';

/** "Human error", "operator error", "PEBKAC" and their kin, given as a cause or a classification. */
export const humanError: Rule = {
  id: BLAME_RULE_IDS['human-error'],
  blame: 'human-error',
  description:
    '"Human error" and its kin (operator error, user error, PEBKAC, a mistake by the engineer) are not given as a cause.',
  explanation: EXPLANATIONS['human-error'],
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: true,
  options: allowOption('Phrases'),
  check: checkBlame('human-error'),
};
