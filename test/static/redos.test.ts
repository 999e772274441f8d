// Every regular expression in server/src is checked for super-linear backtracking (ReDoS) with recheck, which
// proves a pattern linear or finds an attack string. A pattern it finds vulnerable fails this test unless the
// allow list (redos-allow.ts) explains why it cannot hurt (what bounds its input, or who owns it). Patterns
// built at run time (`new RegExp`) are listed there too, each with what they are built from. A pattern the
// checker cannot decide within its time limit is printed, not failed: those are large alternations of words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, type Diagnostics } from 'recheck';
import { type RegexSite, regexSites } from '../helpers/regex-literals';
import { REDOS_ALLOWED } from './redos-allow';

const CHECK_TIMEOUT_MS = 3000;
/** A fuzzer's attack string that a pattern matches faster than this is no evidence of super-linear time. */
const REPRODUCE_MS = 250;
const PARALLEL = 4;

const key = (file: string, source: string) => `${file} ${source}`;

describe('regular expressions in server/src', () => {
  it('are linear, or allowed with a reason', { timeout: 600_000 }, async () => {
    const sites = regexSites();
    const literals = sites.filter((s): s is RegexSite & { source: string; flags: string } => s.source !== undefined);
    // The same pattern in several files is checked once.
    const distinct = [...new Map(literals.map((s) => [`${s.flags}/${s.source}`, s])).values()];
    const verdicts = new Map<string, Diagnostics>();
    let next = 0;
    const worker = async () => {
      while (next < distinct.length) {
        const site = distinct[next++];
        verdicts.set(
          `${site.flags}/${site.source}`,
          await check(site.source, site.flags, { timeout: CHECK_TIMEOUT_MS, randomSeed: 12 }),
        );
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    const results = literals.map((site) => ({
      site,
      result: verdicts.get(`${site.flags}/${site.source}`) as Diagnostics,
    }));
    const notReproduced: string[] = [];
    // The fuzzer judges by timing, so a loaded machine can make it call a linear pattern slow. A pattern only the
    // fuzzer called vulnerable is checked again, alone, by the automaton checker with more time: its proof (safe or
    // vulnerable) decides; if it cannot decide either, the fuzzer's verdict stands.
    for (const entry of results) {
      if (entry.result.status !== 'vulnerable' || entry.result.checker !== 'fuzz') continue;
      const again = await check(entry.site.source, entry.site.flags, {
        checker: 'automaton',
        timeout: 4 * CHECK_TIMEOUT_MS,
        randomSeed: 12,
      });
      if (again.status !== 'unknown') {
        entry.result = again;
        continue;
      }
      // Neither proof nor disproof: run the fuzzer's own attack string (tens of thousands of characters). A real
      // quadratic takes seconds on it; a verdict that came from a loaded machine's timing runs in milliseconds.
      const started = performance.now();
      new RegExp(entry.site.source, entry.site.flags.replace('g', '')).exec(entry.result.attack.string);
      const ms = performance.now() - started;
      if (ms < REPRODUCE_MS)
        notReproduced.push(`${entry.site.file}:${entry.site.line} (attack ran in ${Math.round(ms)} ms)`);
    }

    const folders = REDOS_ALLOWED.filter((a) => a.pattern === '*');
    const allowed = new Map(REDOS_ALLOWED.filter((a) => a.pattern !== '*').map((a) => [key(a.file, a.pattern), a]));
    const inFolder = (file: string) => folders.some((f) => file.startsWith(f.file));
    const used = new Set<string>();
    const failures: string[] = [];
    const undecided: string[] = [];
    for (const { site, result } of results) {
      const k = key(site.file, site.source);
      if (result.status === 'vulnerable' && notReproduced.some((n) => n.startsWith(`${site.file}:${site.line} `))) {
        undecided.push(`${site.file}:${site.line} (fuzz verdict not reproduced)`);
      } else if (result.status === 'vulnerable') {
        if (allowed.has(k) || inFolder(site.file)) used.add(k);
        else
          failures.push(
            `${site.file}:${site.line} /${site.source}/${site.flags} is ${result.complexity.summary}: attack ${result.attack.pattern}`,
          );
      } else if (result.status === 'unknown') {
        if (allowed.has(k) || inFolder(site.file)) used.add(k);
        undecided.push(`${site.file}:${site.line} (${result.error.kind})`);
      }
    }
    for (const site of sites.filter((s) => s.dynamic !== undefined)) {
      const k = key(site.file, site.dynamic as string);
      if (allowed.has(k) || inFolder(site.file)) used.add(k);
      else
        failures.push(
          `${site.file}:${site.line} builds a pattern at run time (${site.dynamic}): list it with a reason`,
        );
    }
    // An entry is stale when its pattern is gone from the code (not when the checker, whose fuzzer depends on time,
    // did not find the attack this run).
    const present = new Set(sites.map((s) => key(s.file, s.source ?? (s.dynamic as string))));
    const stale = [...allowed.keys()].filter((k) => !present.has(k));
    console.log(
      `ReDoS check: ${literals.length} literals, ${sites.length - literals.length} built at run time; ` +
        `${results.filter((r) => r.result.status === 'safe').length} proved linear, ${used.size} allowed with a reason, ` +
        `${undecided.length} undecided within ${CHECK_TIMEOUT_MS} ms`,
    );
    if (undecided.length > 0) console.log(`  undecided: ${undecided.join(', ')}`);
    assert.deepEqual(failures, [], 'super-linear patterns without a reason in redos-allow.ts');
    assert.deepEqual(stale, [], 'allow-list entries whose pattern is no longer in the code: remove them');
  });
});
