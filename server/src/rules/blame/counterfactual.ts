import { EXPLANATIONS } from '../../core/blame/messages';
import { allowOption, isOwnHindsight, reportBlame } from '../../core/blame/rule-helper';
import type { Rule } from '../../core/rule';
import { BLAME_RULE_IDS, blameSettings } from './family';

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
  options: {
    ...allowOption('Words and phrases'),
    ownActions: {
      enum: ['flag', 'allow'],
      default: 'flag',
      description:
        'Hindsight about the writers\' own actions ("If we had deployed…", "We should have…", "could have been avoided by deploying…"): "flag" (the default) reports it like any hindsight; "allow" leaves it to teams that write their analysis in the first person, and still flags hindsight about anyone else.',
    },
  },
  check: (context) => {
    const own = context.options.ownActions === 'allow';
    reportBlame(
      'counterfactual',
      BLAME_RULE_IDS.counterfactual,
      blameSettings(context.config),
      context,
      own ? isOwnHindsight : undefined,
    );
  },
};
