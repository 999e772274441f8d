import { URI } from 'vscode-uri';
import { createPostmortemService } from '../core/service';
import { IncrementalModels } from '../lsp/incremental-models';
import type { ServerPlatform } from '../lsp/platform';
import { RULES } from '../rules';
import { AnalysisWorker } from './analysis-worker';
import { nodeHost } from './host';

/** The start-up allowance of the warm-up document: the model loads once, outside any document's budget. */
const WARM_UP_LIMIT_MS = 60_000;

/** Documents on disk: `file:` URIs and their paths. */
export const nodeFiles = {
  host: nodeHost,
  pathOf(uri: string): string | undefined {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  },
  uriOf: (path: string) => URI.file(path).toString(),
};

/** The Node server's platform: the disk, the rule registry, and analyses in a worker thread within the budget. */
export function nodeServerPlatform(): ServerPlatform {
  const worker = new AnalysisWorker();
  // The rules in the worker; each document's model built here from its previous one (see IncrementalModels).
  const inputRules = RULES.filter((r) => r.phase === 'input');
  const analyser = new IncrementalModels(worker, inputRules);
  const service = createPostmortemService({ host: nodeHost, rules: RULES, analyser });
  return {
    ...nodeFiles,
    service,
    warmUp(text) {
      worker.warmUp();
      void worker.analyze(text, service.defaultConfig(), WARM_UP_LIMIT_MS).catch(() => undefined);
    },
  };
}
