import { EXPLANATIONS } from '../../core/blame/messages';
import { allowOption } from '../../core/blame/rule-helper';
import type { Rule } from '../../core/rule';
import { BLAME_RULE_IDS, checkBlame } from './family';

/** Hindsight about what people should or could have done: "should have", "failed to", "if only", "obviously". */
export const counterfactual: Rule = {
  id: BLAME_RULE_IDS.counterfactual,
  blame: 'counterfactual',
  description:
    'No hindsight about what people should or could have done ("should have", "failed to", "if only", "obviously", "just had to").',
  explanation: EXPLANATIONS.counterfactual,
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: true,
  options: allowOption('Words and phrases'),
  check: checkBlame('counterfactual'),
};
