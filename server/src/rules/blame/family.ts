import type { BlameSettings } from '../../core/blame/analysis';
import { BLAME_KINDS, type BlameKind } from '../../core/blame/cues';
import { reportBlame } from '../../core/blame/rule-helper';
import type { ResolvedConfig } from '../../core/config';
import type { RuleContext } from '../../core/rule';

/**
 * The rule of each kind of blameful wording: the one place these ids are written. The blame analysis gives each
 * sentence one verdict among the kinds whose rule is on, so each of the four rules passes it every rule's setting.
 */
export const BLAME_RULE_IDS = {
  'named-individual': 'blame/named-individual',
  'human-error': 'blame/human-error',
  judgment: 'blame/judgment',
  counterfactual: 'blame/counterfactual',
} as const satisfies Record<BlameKind, string>;

const settingsCache = new WeakMap<ResolvedConfig, BlameSettings>();

/** What the blame analysis needs from a config (the same object for the same config, which it caches by). */
export function blameSettings(config: ResolvedConfig): BlameSettings {
  let settings = settingsCache.get(config);
  if (!settings) {
    const of = (kind: BlameKind) => {
      const setting = config.rules.get(BLAME_RULE_IDS[kind]);
      const allow = setting?.options.allow;
      return {
        on: setting?.severity !== 'off',
        allow: Array.isArray(allow) ? allow.filter((a): a is string => typeof a === 'string') : [],
      };
    };
    settings = Object.fromEntries(BLAME_KINDS.map((k) => [k, of(k)])) as unknown as BlameSettings;
    settingsCache.set(config, settings);
  }
  return settings;
}

/** The `check` of the blame rule of `kind`. */
export function checkBlame(kind: BlameKind): (context: RuleContext) => void {
  return (context) => reportBlame(kind, BLAME_RULE_IDS[kind], blameSettings(context.config), context);
}
