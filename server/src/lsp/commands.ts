import type { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { type AnalysisResult, insertSectionsEdit, type SectionKind } from '../core';
import { isSectionKind } from '../core/kinds';
import { type SectionState, sectionStatus } from '../core/structure/section-status';
import { INSERT_SECTIONS_COMMAND, type InsertSectionsArgs, LINT_WORKSPACE_COMMAND } from '../protocol';
import { toRange } from './diagnostics';

/**
 * Commands the server runs (`workspace/executeCommand`), for any client: VS Code's Postmortem view and command
 * palette call them, and Neovim users can too. Their names differ from the VS Code client's own commands
 * (`postmortem.insertMissingSections`, …), which vscode-languageclient would otherwise clash with.
 */
export { INSERT_SECTIONS_COMMAND, LINT_WORKSPACE_COMMAND };
export const SERVER_COMMANDS = [INSERT_SECTIONS_COMMAND, LINT_WORKSPACE_COMMAND];

export function parseInsertSectionsArgs(raw: unknown): InsertSectionsArgs | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { uri, kinds } = raw as Record<string, unknown>;
  if (typeof uri !== 'string') return undefined;
  if (kinds !== undefined && !(Array.isArray(kinds) && kinds.every((k) => typeof k === 'string'))) return undefined;
  return { uri, kinds: kinds as string[] | undefined };
}

/**
 * The sections to insert: those asked for that the document has no section for (a part stated inside another
 * section gets the heading asked for), or by default the required ones that are missing (a stated part is not).
 */
export function sectionsToInsert(
  analysis: AnalysisResult,
  kinds: readonly string[] | undefined,
  required: readonly SectionKind[],
): SectionKind[] {
  const { model } = analysis;
  if (!model) return [];
  const wanted = [...new Set((kinds ?? required).filter(isSectionKind))];
  const lacking: readonly SectionState[] = kinds ? ['missing', 'stated'] : ['missing'];
  return sectionStatus(model, { required }, { kinds: wanted })
    .filter((s) => lacking.includes(s.state))
    .map((s) => s.kind);
}

/**
 * The workspace edit that inserts the sections, pinned to the document version it was computed for, so that a
 * client refuses it if the document changed meanwhile. Undefined when there is nothing to insert.
 */
export function insertSectionsWorkspaceEdit(
  uri: string,
  version: number,
  analysis: AnalysisResult,
  kinds: readonly SectionKind[],
  documentChanges: boolean,
): WorkspaceEdit | undefined {
  const { model } = analysis;
  if (!model || kinds.length === 0) return undefined;
  const edits: TextEdit[] = insertSectionsEdit(model, kinds).map((e) => ({
    range: toRange(model.lines, e.start, e.end),
    newText: e.text,
  }));
  if (!documentChanges) return { changes: { [uri]: edits } };
  const change: TextDocumentEdit = { textDocument: { uri, version }, edits };
  return { documentChanges: [change] };
}
