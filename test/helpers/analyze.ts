import { analyze, type ConfigFile, defaultConfig, type ResolvedConfig } from '../../server/src/core';
import { mergeConfig } from '../../server/src/core/config';
import { RULES } from '../../server/src/rules';

/** The resolved config for a test: the defaults, with an optional config-file object layered on top. */
export function configWith(file: ConfigFile = {}): ResolvedConfig {
  return mergeConfig(defaultConfig(RULES), file, '<test>');
}

/** Analyses a text with the default config (or the given overrides). */
export function analyzeText(text: string, file?: ConfigFile) {
  return analyze(text, configWith(file), RULES);
}

/** The findings of one rule, as `line:column` (1-based) plus the finding. */
export function findingsOf(text: string, ruleId: string, file?: ConfigFile) {
  const result = analyzeText(text, file);
  return result.findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => {
      const p = result.model ? result.model.lines.position(f.start) : { line: 0, character: 0 };
      return { ...f, line: p.line + 1, column: p.character + 1 };
    });
}
