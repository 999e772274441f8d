import { EXPLANATIONS } from '../../core/blame/messages';
import { allowOption } from '../../core/blame/rule-helper';
import type { Rule } from '../../core/rule';
import { BLAME_RULE_IDS, checkBlame } from './family';

/** A named person or @handle as the agent or cause of the failure ("Dave pushed a bad config that took down checkout"). */
export const namedIndividual: Rule = {
  id: BLAME_RULE_IDS['named-individual'],
  blame: 'named-individual',
  description:
    'No named person or @handle is presented as the cause of the failure; causal actions are described by role.',
  explanation: EXPLANATIONS['named-individual'],
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: true,
  options: allowOption('Names, @handles and product names'),
  check: checkBlame('named-individual'),
};
