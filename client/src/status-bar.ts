// The status bar item: "Postmortem 5/6" (required sections written), its tooltip says what is missing or empty,
// and a click focuses the Postmortem view.
import {
  DiagnosticSeverity,
  type Disposable,
  languages,
  MarkdownString,
  StatusBarAlignment,
  type StatusBarItem,
  Uri,
  window,
} from 'vscode';
import type { PostmortemSummary, SummaryTracker } from './summary';

export function createStatusBar(summaries: SummaryTracker): { item: StatusBarItem; disposable: Disposable } {
  const item = window.createStatusBarItem('postmortem.status', StatusBarAlignment.Right, 100);
  item.name = 'Postmortem';
  item.command = 'postmortem.view.focus';
  const update = (summary: PostmortemSummary | undefined) => {
    if (!summary?.analysed) {
      item.hide();
      return;
    }
    const { present, total } = summary.required;
    // The icon is the worst problem present, so a ✓ never stands beside open warnings.
    const worst = worstProblem(summary.uri);
    const icon = worst ? worst.icon : present === total ? '$(pass)' : '$(checklist)';
    item.text = `${icon} Postmortem ${present}/${total}${worst ? ` · ${worst.count}` : ''}`;
    item.tooltip = statusTooltip(summary);
    item.accessibilityInformation = { label: `Postmortem: ${present} of ${total} required sections written` };
    item.show();
  };
  update(summaries.current);
  const subscriptions = [
    summaries.onDidChange(update),
    // The diagnostics can arrive after the summary of the same analysis: the icon follows them at once.
    languages.onDidChangeDiagnostics((e) => {
      const uri = summaries.current?.uri;
      if (uri && e.uris.some((u) => u.toString() === uri)) update(summaries.current);
    }),
  ];
  return {
    item,
    disposable: {
      dispose: () => {
        for (const s of subscriptions) s.dispose();
        item.dispose();
      },
    },
  };
}

const ICONS: Partial<Record<DiagnosticSeverity, string>> = {
  [DiagnosticSeverity.Error]: '$(error)',
  [DiagnosticSeverity.Warning]: '$(warning)',
  [DiagnosticSeverity.Information]: '$(info)',
};

/** The most severe of our diagnostics on the document, with how many there are of it. */
function worstProblem(uri: string): { icon: string; count: number } | undefined {
  const ours = languages.getDiagnostics(Uri.parse(uri)).filter((d) => d.source === 'postmortem');
  if (ours.length === 0) return undefined;
  const worst = Math.min(...ours.map((d) => d.severity));
  const icon = ICONS[worst as DiagnosticSeverity];
  return icon ? { icon, count: ours.filter((d) => d.severity === worst).length } : undefined;
}

export function statusTooltip(summary: PostmortemSummary): MarkdownString {
  const names = (status: string) =>
    summary.sections.filter((s) => s.required && s.status === status).map((s) => s.title);
  const missing = names('missing');
  const empty = names('empty');
  const lines = [`**Postmortem**: ${summary.required.present} of ${summary.required.total} required sections written`];
  if (missing.length > 0) lines.push(`Missing: ${missing.join(', ')}`);
  if (empty.length > 0) lines.push(`Empty: ${empty.join(', ')}`);
  const stated = summary.sections.filter((s) => s.required && s.status === 'stated');
  if (stated.length > 0)
    lines.push(`Without a heading: ${stated.map((s) => `${s.title} (stated in ${s.statedIn})`).join(', ')}`);
  if (missing.length === 0 && empty.length === 0) lines.push('Every required section is written.');
  if (summary.blame.total > 0) lines.push(`Blameless language: ${summary.blame.total} to rephrase`);
  lines.push('Click to open the Postmortem view.');
  return new MarkdownString(lines.join('\n\n'));
}
