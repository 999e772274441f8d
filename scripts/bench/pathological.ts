// The hostile inputs of issue 12, each analysed once in process: how long the core takes on each, and what it
// answers (analysed, or input/not-analysed with a reason). Each input runs in a worker with a hard limit, so a
// super-linear case shows as "> limit" instead of stalling the bench. Figures are printed, never asserted.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const LIMIT_MS = Number(process.env.PATHOLOGICAL_LIMIT_MS) || 60_000;

const TIMELINE_HEAD = '# Postmortem: x\n\n## Timeline\n\n';

/** name -> [document text, config file object] */
export const PATHOLOGICAL: Record<string, [string, object?]> = {
  'unclosed milestone marker, 4,000 spaces': [`${TIMELINE_HEAD}- 10:00 UTC <!-- milestone:${' '.repeat(4000)}\n`],
  'unclosed milestone marker, 8,000 spaces': [`${TIMELINE_HEAD}- 10:00 UTC <!-- milestone:${' '.repeat(8000)}\n`],
  'table, 3 rows x 6,000 columns': [table(3, 6000)],
  'table, 3 rows x 12,000 columns': [table(3, 12_000)],
  'table, 3 rows x 200 columns (the limit)': [table(3, 199)],
  'nested brackets, 200 (the limit)': [`# Postmortem: x\n\n## Impact\n\n${'['.repeat(200)}x${']'.repeat(200)}\n`],
  'lists nested 100 deep (the limit)': [
    `# Postmortem: x\n\n## Impact\n\n${Array.from({ length: 99 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`,
  ],
  'nested brackets, 5,000': [`# Postmortem: x\n\n## Impact\n\n${'['.repeat(5000)}x${']'.repeat(5000)}\n`],
  'nested brackets, 10,000': [`# Postmortem: x\n\n## Impact\n\n${'['.repeat(10_000)}x${']'.repeat(10_000)}\n`],
  'nested brackets, 50,000': [`# Postmortem: x\n\n## Impact\n\n${'['.repeat(50_000)}x${']'.repeat(50_000)}\n`],
  'block quotes nested 20,000 deep': [`# Postmortem: x\n\n## Impact\n\n${'>'.repeat(20_000)} deep\n`],
  'config pattern (a+)+b, 28 a': [
    `# Postmortem: x\n\n## Action items\n\n- ${'a'.repeat(28)} (owner: @sam)\n`,
    { rules: { 'action-items/missing-tracking': { severity: 'warning', patterns: ['(a+)+b'] } } },
  ],
};

function table(rows: number, columns: number): string {
  const row = `|${' a |'.repeat(columns)}\n`;
  const delimiter = `|${' - |'.repeat(columns)}\n`;
  return `# Postmortem: x\n\n## Impact\n\n${row}${delimiter}${row.repeat(rows - 1)}`;
}

function measure(text: string, file: object | undefined): Promise<string> {
  return new Promise((resolve) => {
    // tsx's loader does not reach a worker started on a .ts file: register it in a small CommonJS shim.
    const shim = `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, '_pathological-worker.ts'))});`;
    const worker = new Worker(shim, { eval: true, workerData: { text, file } });
    let timer: ReturnType<typeof setTimeout> | undefined;
    worker.on('message', (m: { ready?: true; ms: number; analysed: boolean; reason?: string }) => {
      if (m.ready) {
        // The limit counts from the end of module loading, which a loaded machine makes slow.
        timer = setTimeout(() => {
          void worker.terminate();
          resolve(`> ${LIMIT_MS / 1000} s (stopped)`);
        }, LIMIT_MS);
        return;
      }
      clearTimeout(timer);
      void worker.terminate();
      resolve(`${(m.ms / 1000).toFixed(2)} s, ${m.analysed ? 'analysed' : `not analysed (${m.reason})`}`);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      resolve(`error: ${e.message}`);
    });
  });
}

export async function run(): Promise<void> {
  const only = process.env.PATHOLOGICAL_ONLY;
  for (const [name, [text, file]] of Object.entries(PATHOLOGICAL)) {
    if (only && !name.includes(only)) continue;
    console.log(`  ${name.padEnd(44)} ${await measure(text, file)}`);
  }
}

if (require.main === module) void run();
