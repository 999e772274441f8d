import { EXPLANATIONS } from '../../core/blame/messages';
import { allowOption, reportBlame } from '../../core/blame/rule-helper';
import type { Rule } from '../../core/rule';

/** Hindsight about what people should or could have done: "should have", "failed to", "if only", "obviously". */
export const counterfactual: Rule = {
  id: 'blame/counterfactual',
  description:
    'No hindsight about what people should or could have done ("should have", "failed to", "if only", "obviously", "just had to").',
  explanation: EXPLANATIONS.counterfactual,
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: true,
  options: allowOption('Words and phrases'),
  check(context) {
    reportBlame('counterfactual', context);
  },
};
