import { EXPLANATIONS } from '../../core/blame/messages';
import { allowOption } from '../../core/blame/rule-helper';
import type { Rule } from '../../core/rule';
import { BLAME_RULE_IDS, checkBlame } from './family';

/** Judgmental words about people's conduct: careless, sloppy, negligent, lazy, reckless, "ignored the warnings". */
export const judgment: Rule = {
  id: BLAME_RULE_IDS.judgment,
  blame: 'judgment',
  description:
    'No judgmental words about people\'s conduct (careless, sloppy, lazy, reckless, "ignored the warnings", "at fault").',
  explanation: EXPLANATIONS.judgment,
  defaultSeverity: 'warning',
  scope: 'range',
  fixable: true,
  options: allowOption('Words and phrases'),
  check: checkBlame('judgment'),
};
