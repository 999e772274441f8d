import { type CodeAction, CodeActionKind, type Range, type TextEdit } from 'vscode-languageserver';
import {
  type AnalysisResult,
  type TextEdit as CoreEdit,
  type Finding,
  insertSectionsEdit,
  type SectionKind,
} from '../core';
import { toDiagnostic, toRange } from './diagnostics';

/**
 * Quick fixes for the findings under the cursor, plus "Insert all missing sections" when several are missing.
 * Every edit inserts or replaces only the span it names.
 */
export function codeActionsFor(uri: string, analysis: AnalysisResult, range: Range): CodeAction[] {
  const { model, findings } = analysis;
  if (!model) return [];
  const lines = model.lines;
  const from = lines.offset(range.start);
  const to = lines.offset(range.end);
  const toEdits = (edits: CoreEdit[]): TextEdit[] =>
    edits.map((e) => ({ range: toRange(lines, e.start, e.end), newText: e.text }));
  const touches = (f: Finding) => f.start <= to && from <= f.end;

  const actions: CodeAction[] = [];
  for (const finding of findings.filter(touches)) {
    for (const [i, fix] of (finding.fixes ?? []).entries()) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(finding, lines)],
        isPreferred: i === 0,
        edit: { changes: { [uri]: toEdits(fix.edits) } },
      });
    }
  }
  const missing = findings.filter((f) => f.ruleId === 'structure/required-section');
  if (missing.length > 1 && missing.some(touches)) {
    const kinds = missing.map((f) => f.data?.section as SectionKind);
    actions.push({
      title: 'Insert all missing sections',
      kind: CodeActionKind.QuickFix,
      diagnostics: missing.map((f) => toDiagnostic(f, lines)),
      edit: { changes: { [uri]: toEdits(insertSectionsEdit(model, kinds)) } },
    });
  }
  return actions;
}
