// What every fuzzed document must satisfy: the analysis does not throw (nor does any rule), finishes within the time budget, gives
// ranges inside the text, and `--fix` settles (a second run changes nothing) and only adds text.
import { fixUntilSettled } from '../../server/src/cli/lint';
import { type AnalysisResult, analyze, type ResolvedConfig } from '../../server/src/core';
import { RULES } from '../../server/src/rules';

export interface Checked {
  ms: number;
  findings: number;
  fixPasses: number;
  problems: string[];
}

export function checkDocument(text: string, config: ResolvedConfig, { fixes = true } = {}): Checked {
  const problems: string[] = [];
  const run = (t: string): AnalysisResult | undefined => {
    try {
      return analyze(t, config, RULES);
    } catch (e) {
      problems.push(`analyze threw: ${(e as Error)?.stack ?? e}`);
      return undefined;
    }
  };
  const started = performance.now();
  const result = run(text);
  const ms = performance.now() - started;
  if (!result) return { ms, findings: 0, fixPasses: 0, problems };
  if (ms > config.timeBudgetMs) problems.push(`took ${Math.round(ms)} ms, over the ${config.timeBudgetMs} ms budget`);
  for (const f of result.findings) {
    // A rule that throws is caught (the analysis never throws) and reported: still a bug to find here.
    if (/failed on this file and was skipped/.test(f.message)) problems.push(f.message);
    if (!(f.start >= 0 && f.start <= f.end && f.end <= text.length)) {
      problems.push(`${f.ruleId} range ${f.start}-${f.end} outside 0-${text.length}`);
    }
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) {
        if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) {
          problems.push(`${f.ruleId} fix edit ${e.start}-${e.end} outside 0-${text.length}`);
        }
      }
    }
  }
  let fixPasses = 0;
  if (fixes) {
    const analyse = (t: string) => run(t) ?? { findings: [] };
    const once = fixUntilSettled(text, result, analyse);
    fixPasses = once.passes;
    if (!isSubsequence(text, once.text)) problems.push('--fix removed or changed existing text');
    const twice = fixUntilSettled(once.text, once.result, analyse);
    if (twice.passes > 0 || twice.text !== once.text)
      problems.push('--fix is not idempotent: a second run changed the text');
  }
  return { ms, findings: result.findings.length, fixPasses, problems };
}

/** True when every character of `a` appears in `b` in order: the safe fixes only insert. */
function isSubsequence(a: string, b: string): boolean {
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    j = b.indexOf(a[i], j);
    if (j === -1) return false;
    j++;
  }
  return true;
}
