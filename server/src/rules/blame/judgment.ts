import { EXPLANATIONS } from '../../core/blame/messages';
import { allowOption, reportBlame } from '../../core/blame/rule-helper';
import type { Rule } from '../../core/rule';

/** Judgmental words about people's conduct: careless, sloppy, negligent, lazy, reckless, "ignored the warnings". */
export const judgment: Rule = {
  id: 'blame/judgment',
  description:
    'No judgmental words about people\'s conduct (careless, sloppy, lazy, reckless, "ignored the warnings", "at fault").',
  explanation: EXPLANATIONS.judgment,
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: true,
  options: allowOption('Words and phrases'),
  check(context) {
    reportBlame('judgment', context);
  },
};
