import { EXPLANATIONS } from '../../core/blame/messages';
import { allowOption, reportBlame } from '../../core/blame/rule-helper';
import type { Rule } from '../../core/rule';

/** A named person or @handle as the agent or cause of the failure ("Dave pushed a bad config that took down checkout"). */
export const namedIndividual: Rule = {
  id: 'blame/named-individual',
  description:
    'No named person or @handle is presented as the cause of the failure; causal actions are described by role.',
  explanation: EXPLANATIONS['named-individual'],
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: true,
  options: allowOption('Names, @handles and product names'),
  check(context) {
    reportBlame('named-individual', context);
  },
};
