// Tells the server which line the author's cursor is on in a postmortem (`postmortem/cursor`), so that the findings
// it holds back on the line being typed (calm while typing, issue 16) show as soon as the author leaves that line,
// not only after a pause. Sent when the cursor changes line, at most every THROTTLE_MS (the last line always goes).
import { type Disposable, window } from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { CURSOR_METHOD, type CursorParams } from '../../server/src/protocol';
import type { SummaryTracker } from './summary';

const THROTTLE_MS = 100;

export function followCursor(client: LanguageClient, summaries: SummaryTracker): Disposable {
  let last: { uri: string; line: number } | undefined;
  let pending: CursorParams | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sentAt = 0;
  const flush = () => {
    timer = undefined;
    const params = pending;
    pending = undefined;
    if (!params || !client.isRunning()) return;
    sentAt = Date.now();
    void client.sendNotification(CURSOR_METHOD, params).catch(() => undefined);
  };
  const subscription = window.onDidChangeTextEditorSelection((e) => {
    const doc = e.textEditor.document;
    const uri = client.code2ProtocolConverter.asUri(doc.uri);
    // Postmortems only: the summary of the active editor says whether it holds one.
    if (summaries.current?.uri !== uri) return;
    const line = e.selections[0]?.active.line;
    if (line === undefined || (last?.uri === uri && last.line === line)) return;
    last = { uri, line };
    pending = { textDocument: { uri, version: doc.version }, line };
    if (timer) return;
    const wait = THROTTLE_MS - (Date.now() - sentAt);
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  });
  return {
    dispose: () => {
      clearTimeout(timer);
      subscription.dispose();
    },
  };
}
