import { EXPLANATIONS } from '../../core/blame/messages';
import { allowOption, reportBlame } from '../../core/blame/rule-helper';
import type { Rule } from '../../core/rule';

/** "Human error", "operator error", "PEBKAC" and their kin, given as a cause or a classification. */
export const humanError: Rule = {
  id: 'blame/human-error',
  description:
    '"Human error" and its kin (operator error, user error, PEBKAC, a mistake by the engineer) are not given as a cause.',
  explanation: EXPLANATIONS['human-error'],
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: true,
  options: allowOption('Phrases'),
  check(context) {
    reportBlame('human-error', context);
  },
};
