import { type AnalysisInput, IncrementalAnalyzer, type ResolvedConfig } from '../core';
import type { AnyRule } from '../core/rule';
import type { Analyser, BudgetedResult } from '../core/service';

/** Documents whose tree is kept for the next version's model (the least recently analysed go first). */
const MAX_DOCUMENTS = 16;

/**
 * An analyser whose results bring their model, built in this thread from the previous version's tree (the core's
 * IncrementalAnalyzer with the input rules only: it re-parses the blocks around the edit). The rules run in the
 * inner analyser (the worker, within the time budget); without a model from it the service would parse the whole
 * text here after each analysis, which on a 10,000-line postmortem holds the server's thread for seconds, and every
 * request with it.
 *
 * The incremental parse moves the previous tree's nodes in place: a document's previous model describes its text
 * only until the next one is built. The server keeps one model per document, the latest (lsp/server.ts adopts
 * every analysis that comes back, in order), and builds nothing else from a document's results.
 */
export class IncrementalModels implements Analyser {
  private readonly documents = new Map<string, { analyzer: IncrementalAnalyzer; config: ResolvedConfig }>();

  constructor(
    private readonly inner: Analyser,
    private readonly inputRules: readonly AnyRule[],
  ) {}

  async analyze(
    text: string,
    config: ResolvedConfig,
    budgetMs: number | undefined,
    input: AnalysisInput,
    superseded?: () => boolean,
  ): Promise<BudgetedResult> {
    const outcome = await this.inner.analyze(text, config, budgetMs, input, superseded);
    const id = input.documentId;
    if (id !== undefined && outcome.timedOut && outcome.late) {
      // Its late result, unless a newer version was asked for meanwhile (whose model is built from this one's tree).
      const late = outcome.late.then((r) =>
        r && !superseded?.() ? { ...r, model: r.model ?? this.modelOf(id, text, config) } : undefined,
      );
      return { ...outcome, late };
    }
    if (outcome.timedOut || outcome.superseded || outcome.model || id === undefined) return outcome;
    return { ...outcome, model: this.modelOf(id, text, config) };
  }

  /** Forgets a document's tree (closed): its next model is parsed in full. */
  forget(id: string): void {
    this.documents.delete(id);
  }

  private modelOf(id: string, text: string, config: ResolvedConfig) {
    let entry = this.documents.get(id);
    this.documents.delete(id);
    entry ??= { analyzer: new IncrementalAnalyzer(config, this.inputRules), config };
    if (entry.config !== config) entry.analyzer.setConfig(config);
    this.documents.set(id, { analyzer: entry.analyzer, config });
    while (this.documents.size > MAX_DOCUMENTS) this.documents.delete(this.documents.keys().next().value as string);
    return entry.analyzer.update(text).model;
  }
}
