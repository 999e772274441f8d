// One analysis for scripts/bench/pathological.ts, in a worker the bench can stop.
import { parentPort, workerData } from 'node:worker_threads';
import { analyze, defaultConfig } from '../../server/src/core';
import { mergeConfig } from '../../server/src/core/config';
import { RULES } from '../../server/src/rules';

parentPort?.postMessage({ ready: true });
const config = mergeConfig(defaultConfig(RULES), workerData.file ?? {}, '<bench>');
const started = performance.now();
const result = analyze(workerData.text, config, RULES);
const ms = performance.now() - started;
const reason = result.findings.find((f) => f.ruleId === 'input/not-analysed')?.data?.reason;
parentPort?.postMessage({ ms, analysed: !!result.model, reason });
