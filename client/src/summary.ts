// Keeps the server's `postmortem/summary` for the active editor, for the Postmortem view and the status bar.
// It asks again when the active editor changes and whenever the server publishes diagnostics for that document
// (which it does after every analysis), so the view follows every edit without parsing anything here.
import { commands, type Disposable, EventEmitter, languages, type TextDocument, window } from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { type PostmortemSummary, SUMMARY_METHOD, type SummaryParams } from '../../server/src/protocol';

export type {
  ActionItemRef,
  FindingRef,
  MetricFigure,
  MilestoneStatus,
  PostmortemSummary,
  RelatedRef,
  SectionStatus,
} from '../../server/src/protocol';

/** Context keys for `when` clauses in package.json. */
const IS_POSTMORTEM = 'postmortem.isPostmortem';
const ANALYSED = 'postmortem.analysed';

const isMarkdown = (doc: TextDocument) => doc.languageId === 'markdown' || doc.languageId === 'mdx';

export class SummaryTracker implements Disposable {
  private readonly emitter = new EventEmitter<PostmortemSummary | undefined>();
  /** Fires with the new summary (undefined when the active editor holds no postmortem). */
  readonly onDidChange = this.emitter.event;
  private summary: PostmortemSummary | undefined;
  private request = 0;
  private readonly subscriptions: Disposable[];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions = [
      this.emitter,
      window.onDidChangeActiveTextEditor(() => this.refresh()),
      languages.onDidChangeDiagnostics((e) => {
        const active = window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) void this.refresh();
      }),
    ];
  }

  /** The summary of the active editor's postmortem, if it holds one. */
  get current(): PostmortemSummary | undefined {
    return this.summary;
  }

  async refresh(): Promise<PostmortemSummary | undefined> {
    const mine = ++this.request;
    const doc = window.activeTextEditor?.document;
    let summary: PostmortemSummary | undefined;
    if (doc && isMarkdown(doc) && this.client.isRunning()) {
      const params: SummaryParams = { textDocument: { uri: this.client.code2ProtocolConverter.asUri(doc.uri) } };
      try {
        const result = await this.client.sendRequest<PostmortemSummary>(SUMMARY_METHOD, params);
        summary = result.isPostmortem ? result : undefined;
      } catch {
        summary = undefined; // the server is restarting: the next diagnostics bring a new summary
      }
    }
    if (mine !== this.request) return this.summary; // a newer request has been sent meanwhile
    await commands.executeCommand('setContext', IS_POSTMORTEM, !!summary);
    await commands.executeCommand('setContext', ANALYSED, !!summary?.analysed);
    if (mine !== this.request) return this.summary;
    // `current` changes with the event, never before it: whoever reads it (the status bar, a test) sees what every
    // listener has been told.
    this.summary = summary;
    this.emitter.fire(summary);
    return summary;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
