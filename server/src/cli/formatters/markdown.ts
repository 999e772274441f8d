import { type Finding, ruleDocsUrl, type Severity } from '../../core';
import { findingFacts } from '../../core/finding-data';
import { RULES } from '../../rules';
import type { ChecklistItem } from '../checklist';
import type { FileResult } from '../lint';
import type { FormatContext } from './index';
import { findingRange, repositoryPath } from './position';

/** The first line of every report: lets a CI job find and update its own pull-request comment. */
export const REPORT_MARKER = '<!-- postmortem:report -->';
/** GitHub refuses comments over 65,536 characters: past BUDGET, files get one line each; past LIMIT, a count. */
const BUDGET = 55_000;
const LIMIT = 64_000;
/** Findings tables longer than this are folded. */
const FOLD_AFTER = 15;

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };

/** Escapes text for Markdown prose and table cells: punctuation Markdown reads, HTML, and line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_{}[\]<>|#~]/g, '\\$&')
    .replace(/\r?\n|\r/g, ' ');
}

/** A code span that survives backticks in its content. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function counts(findings: readonly Finding[]): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

function describeCounts(c: Record<Severity, number>): string {
  const parts = [plural(c.error, 'error'), plural(c.warning, 'warning')];
  if (c.info > 0) parts.push(`${c.info} info`);
  return parts.join(', ');
}

function ruleLink(ruleId: string): string {
  return `[${code(ruleId)}](${ruleDocsUrl(ruleId)})`;
}

function checklistLine(item: ChecklistItem): string {
  const where = item.heading !== undefined ? `_${escapeMarkdown(item.heading)}_, line ${item.line}` : '';
  switch (item.state) {
    case 'missing':
      return `- ❌ **${item.title}**: missing`;
    case 'empty':
      return `- ⚠️ **${item.title}**: empty (${where})`;
    case 'stated':
      return `- ✅ **${item.title}**: stated in ${escapeMarkdown(item.statedIn ?? 'another section')}, line ${item.line} (no heading of its own)`;
    default:
      return `- ✅ **${item.title}**: ${item.fromLead ? 'the opening paragraph' : where}`;
  }
}

/** The blame findings per rule (the blame/ family); "nothing flagged" only when blame rules exist to flag anything. */
function blameSection(findings: readonly Finding[]): string[] {
  const byRule = new Map<string, number>();
  for (const f of findings) if (findingFacts(f).blame) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  if (byRule.size === 0) {
    return RULES.some((r) => r.blame) ? ['**Blameless language**: ✅ nothing flagged', ''] : [];
  }
  const total = [...byRule.values()].reduce((a, b) => a + b, 0);
  const rows = [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [
    `**Blameless language**: ${plural(total, 'finding')}`,
    '',
    '| Rule | Findings |',
    '| --- | ---: |',
    ...rows.map(([id, n]) => `| ${ruleLink(id)} | ${n} |`),
    '',
  ];
}

function metricsSection(result: FileResult): string[] {
  if (!result.metrics || result.metrics.length === 0) return [];
  return [
    '**Metrics**',
    '',
    '| Metric | Value |',
    '| --- | --- |',
    ...result.metrics.map((m) => `| ${escapeMarkdown(m.name)} | ${escapeMarkdown(m.value)} |`),
    '',
  ];
}

/** The workspace's postmortems most related to this one (with --format markdown the lint run indexes them). */
function relatedSection(result: FileResult, root: string): string[] {
  if (!result.related || result.related.length === 0) return [];
  const rows = result.related.map((r) => {
    const shared = [
      ...r.sharedServices.map((s) => `service ${code(s)}`),
      ...r.sharedCategories.map((c) => `cause: ${c}`),
    ];
    const why = shared.length > 0 ? shared.join(', ') : `similar wording (${r.sharedTerms.slice(0, 3).join(', ')})`;
    const path = repositoryPath(r.id, root);
    const open = r.openActions > 0 ? ` · ${plural(r.openActions, 'open action')}` : '';
    return `- ${escapeMarkdown(r.title)} (${r.date ?? 'undated'}, ${code(path)}): ${why}${open}`;
  });
  return ['**Related past incidents**', '', ...rows, ''];
}

function findingsSection(result: FileResult): string[] {
  if (result.findings.length === 0) return [];
  const rows = result.findings.map((f) => {
    const { line } = findingRange(result, f);
    return `| ${line} | ${ICON[f.severity]} ${f.severity} | ${escapeMarkdown(f.message)} | ${ruleLink(f.ruleId)} |`;
  });
  const table = ['| Line | Severity | Problem | Rule |', '| ---: | --- | --- | --- |', ...rows];
  if (rows.length <= FOLD_AFTER) return ['**Findings**', '', ...table, ''];
  return [`<details><summary><b>Findings</b> (${rows.length})</summary>`, '', ...table, '', '</details>', ''];
}

function fileSection(result: FileResult, path: string, root: string): string {
  const c = counts(result.findings);
  const status = result.findings.length === 0 ? '✅ no problems' : describeCounts(c);
  const lines = [`### ${code(path)}`, '', status, ''];
  if (result.checklist && result.checklist.length > 0) {
    lines.push('**Required sections**', '', ...result.checklist.map(checklistLine), '');
  }
  lines.push(
    ...blameSection(result.findings),
    ...metricsSection(result),
    ...relatedSection(result, root),
    ...findingsSection(result),
  );
  if (result.unchangedLineFindings) {
    lines.push(
      `<sub>${plural(result.unchangedLineFindings, 'more finding')} on lines this change did not touch.</sub>`,
      '',
    );
  }
  return lines.join('\n');
}

/**
 * A pull-request comment: the totals, then per postmortem the required-section checklist, the blameless-language
 * findings per rule, the metrics when known, and the findings with links to each rule's docs.
 */
export function formatMarkdown(results: readonly FileResult[], { root, changedSince }: FormatContext): string {
  const linted = results.filter((r) => !r.skipped);
  const all = linted.flatMap((r) => r.findings);
  const c = counts(all);
  const out: string[] = [REPORT_MARKER, '## Postmortem review', ''];

  if (linted.length === 0) {
    out.push(
      changedSince ? `No postmortem changed since ${code(changedSince.ref)}.` : 'No postmortems found to check.',
      '',
    );
    return `${out.join('\n')}`;
  }
  out.push(
    all.length === 0
      ? `✅ ${plural(linted.length, 'postmortem')} checked, no problems.`
      : `**${plural(all.length, 'problem')}** (${describeCounts(c)}) in ${plural(linted.length, 'postmortem')}.`,
  );
  const fixable = all.filter((f) => f.fixes?.some((x) => x.safe)).length;
  if (fixable > 0) out.push(`${plural(fixable, 'problem')} can be fixed with ${code('postmortem lint --fix')}.`);
  if (changedSince) {
    out.push(
      '',
      `<sub>Only findings on lines changed since ${code(changedSince.ref)} (merge base ${code(changedSince.base.slice(0, 12))}), and missing sections, are shown.</sub>`,
    );
  }
  out.push('');

  let size = out.join('\n').length;
  const overflow: string[] = [];
  let uncounted = 0;
  for (const result of linted) {
    const path = repositoryPath(result.path, root);
    const section = overflow.length === 0 && uncounted === 0 ? fileSection(result, path, root) : '';
    if (section && size + section.length < BUDGET) {
      out.push(section);
      size += section.length + 1;
      continue;
    }
    const status = result.findings.length === 0 ? 'no problems' : describeCounts(counts(result.findings));
    const line = `- ${code(path)}: ${status}`;
    if (uncounted === 0 && size + line.length < LIMIT) {
      overflow.push(line);
      size += line.length + 1;
    } else {
      uncounted++;
    }
  }
  const more = overflow.length + uncounted;
  if (more > 0) {
    out.push(`### ${plural(more, 'more postmortem')}`, '', 'Details are in the job log.', '', ...overflow);
    if (uncounted > 0) out.push(`- and ${uncounted} more`);
    out.push('');
  }
  return `${out.join('\n')}`;
}
