// The status bar item: "Postmortem 5/6" (required sections written), its tooltip says what is missing or empty,
// and a click focuses the Postmortem view.
import { type Disposable, MarkdownString, StatusBarAlignment, window } from 'vscode';
import type { PostmortemSummary, SummaryTracker } from './summary';

export function createStatusBar(summaries: SummaryTracker): Disposable {
  const item = window.createStatusBarItem('postmortem.status', StatusBarAlignment.Right, 100);
  item.name = 'Postmortem';
  item.command = 'postmortem.view.focus';
  const update = (summary: PostmortemSummary | undefined) => {
    if (!summary?.analysed) {
      item.hide();
      return;
    }
    const { present, total } = summary.required;
    item.text = `${present === total ? '$(pass)' : '$(checklist)'} Postmortem ${present}/${total}`;
    item.tooltip = statusTooltip(summary);
    item.accessibilityInformation = { label: `Postmortem: ${present} of ${total} required sections written` };
    item.show();
  };
  update(summaries.current);
  const subscription = summaries.onDidChange(update);
  return {
    dispose: () => {
      subscription.dispose();
      item.dispose();
    },
  };
}

export function statusTooltip(summary: PostmortemSummary): MarkdownString {
  const names = (status: string) =>
    summary.sections.filter((s) => s.required && s.status === status).map((s) => s.title);
  const missing = names('missing');
  const empty = names('empty');
  const lines = [`**Postmortem**: ${summary.required.present} of ${summary.required.total} required sections written`];
  if (missing.length > 0) lines.push(`Missing: ${missing.join(', ')}`);
  if (empty.length > 0) lines.push(`Empty: ${empty.join(', ')}`);
  if (missing.length === 0 && empty.length === 0) lines.push('Every required section is written.');
  if (summary.blame.total > 0) lines.push(`Blameless language: ${summary.blame.total} to rephrase`);
  lines.push('Click to open the Postmortem view.');
  return new MarkdownString(lines.join('\n\n'));
}
