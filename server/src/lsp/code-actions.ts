import { type CodeAction, CodeActionKind, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { parseDocument } from 'yaml';
import {
  type AnalysisResult,
  CONFIG_FILE_NAMES,
  type TextEdit as CoreEdit,
  type Finding,
  insertSectionsEdit,
  LineIndex,
} from '../core';
import { type FindingFacts, findingFacts } from '../core/finding-data';
import type { ConfigEdit } from '../core/types';
import { INSERT_SNIPPET_COMMAND, OPEN_FILE_COMMAND } from '../protocol';
import { toDiagnostic, toRange } from './diagnostics';
import type { DocumentFiles } from './platform';

/**
 * Quick fixes for the findings under the cursor, plus "Insert all missing sections" when several are missing.
 * Every edit inserts or replaces only the span it names.
 */
export function codeActionsFor(
  uri: string,
  analysis: AnalysisResult,
  range: Range,
  /** The document version the analysis is of: edits carry it (when the client takes documentChanges), so a client refuses them once the text changed. */
  version?: number,
  /** Where config files are read (config fixes edit the nearest one); without it, no config fix is offered. */
  files?: DocumentFiles,
): CodeAction[] {
  const { model, findings } = analysis;
  if (!model) return [];
  const lines = model.lines;
  const from = lines.offset(range.start);
  const to = lines.offset(range.end);
  const toEdits = (edits: CoreEdit[]): TextEdit[] =>
    edits.map((e) => ({ range: toRange(lines, e.start, e.end), newText: e.text }));
  const documentEdit = (edits: CoreEdit[]): WorkspaceEdit =>
    version === undefined
      ? { changes: { [uri]: toEdits(edits) } }
      : { documentChanges: [{ textDocument: { uri, version }, edits: toEdits(edits) }] };
  const touches = (f: Finding) => f.start <= to && from <= f.end;

  const actions: CodeAction[] = [];
  // Changes to a config file come after every change to the text: a rewrite first, silencing last.
  const configActions: CodeAction[] = [];
  for (const finding of findings.filter(touches)) {
    for (const [i, fix] of (finding.fixes ?? []).entries()) {
      if (fix.config) {
        // A config fix edits (or creates) the nearest .postmortemrc file, not the document; it names that file
        // and opens it, so the author sees what now applies to every postmortem under it.
        const configEdit = files && configWorkspaceEdit(uri, fix.config, files);
        if (!configEdit) continue;
        configActions.push({
          title: `${fix.title} (${configEdit.verb} ${configEdit.fileName})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toDiagnostic(finding, lines)],
          edit: configEdit.edit,
          command: { title: `Open ${configEdit.fileName}`, command: OPEN_FILE_COMMAND, arguments: [configEdit.uri] },
        });
        continue;
      }
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(finding, lines)],
        isPreferred: i === 0,
        edit: documentEdit(fix.edits),
      });
    }
    const snippet = placeholderAction(uri, finding, model.text, lines);
    if (snippet) actions.push(snippet);
  }
  actions.push(...configActions);
  const missing = findings.filter((f) => findingFacts(f).missingPart);
  if (missing.length > 1 && missing.some(touches)) {
    const kinds = missing.flatMap((f) => findingFacts(f).section ?? []);
    actions.push({
      title: 'Insert all missing sections',
      kind: CodeActionKind.QuickFix,
      diagnostics: missing.map((f) => toDiagnostic(f, lines)),
      edit: documentEdit(insertSectionsEdit(model, kinds)),
    });
  }
  return actions;
}

/** Client commands (client/src/commands.ts); a client without them simply lacks these actions' extras. */
export { INSERT_SNIPPET_COMMAND, OPEN_FILE_COMMAND };

/** The placeholder the action-item messages name, inserted as a snippet to fill in at the action's first line. */
const PLACEHOLDERS: Record<NonNullable<FindingFacts['lacks']>, { title: string; snippet: string }> = {
  owner: { title: 'Add an owner placeholder', snippet: ` (owner: \${1:@owner})` },
  ticket: { title: 'Add a ticket placeholder', snippet: ` (\${1:PROJ-123})` },
};

function placeholderAction(uri: string, finding: Finding, text: string, lines: LineIndex): CodeAction | undefined {
  const lacks = findingFacts(finding).lacks;
  const placeholder = lacks && Object.hasOwn(PLACEHOLDERS, lacks) ? PLACEHOLDERS[lacks] : undefined;
  if (!placeholder) return undefined;
  // At the end of the action's first line; not in a table row (a column is the place there).
  const line = lines.position(finding.start).line;
  const end = lines.lineEnd(line);
  const lineText = text.slice(lines.lineStart(line), end);
  if (/^\s*\|/.test(lineText)) return undefined;
  return {
    title: placeholder.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(finding, lines)],
    command: {
      title: placeholder.title,
      command: INSERT_SNIPPET_COMMAND,
      arguments: [uri, lines.position(end - (/[.;]\s*$/.exec(lineText)?.[0].length ?? 0)), placeholder.snippet],
    },
  };
}

/**
 * The workspace edit for a config fix: add the value to the rule's array option in the nearest config file
 * (the one the loader would find first from the document's folder up), or create `.postmortemrc.json` at the
 * project root (the nearest folder up with .git or package.json, else the document's folder). Undefined when
 * the document is not a file or the config file cannot be parsed (it is never overwritten then).
 */
export interface ConfigChange {
  edit: WorkspaceEdit;
  /** The config file's URI and name. */
  uri: string;
  fileName: string;
  verb: 'edits' | 'creates';
}

export function configWorkspaceEdit(
  documentUri: string,
  change: ConfigEdit,
  files: DocumentFiles,
): ConfigChange | undefined {
  const documentPath = files.pathOf(documentUri);
  if (!documentPath) return undefined;
  const { host } = files;
  const { dirname, join } = host.path;
  const start = dirname(documentPath);
  for (let dir = start; ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(dir, name);
      const text = host.readFile(path);
      if (text === undefined) continue;
      const updated = name.endsWith('.json') ? updateJson(text, change) : updateYaml(text, change);
      if (updated === undefined) return undefined;
      const lines = new LineIndex(text);
      const range = { start: { line: 0, character: 0 }, end: lines.position(text.length) };
      const uri = files.uriOf(path);
      return { edit: { changes: { [uri]: [{ range, newText: updated }] } }, uri, fileName: name, verb: 'edits' };
    }
    if (dirname(dir) === dir) break;
  }
  const root = projectRoot(start, host);
  const target = files.uriOf(join(root, '.postmortemrc.json'));
  const content = updateJson('{}', change) ?? '';
  return {
    edit: {
      documentChanges: [
        { kind: 'create', uri: target, options: { ignoreIfExists: true } },
        {
          textDocument: { uri: target, version: null },
          edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }],
        },
      ],
    },
    uri: target,
    fileName: '.postmortemrc.json',
    verb: 'creates',
  };
}

function projectRoot(start: string, host: DocumentFiles['host']): string {
  const { dirname, join } = host.path;
  for (let dir = start; ; dir = dirname(dir)) {
    if (host.exists(join(dir, '.git')) || host.exists(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

function includesIgnoringCase(list: unknown[], value: string): boolean {
  return list.some((v) => typeof v === 'string' && v.toLowerCase() === value.toLowerCase());
}

function updateJson(text: string, change: ConfigEdit): string | undefined {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const rules = (typeof data.rules === 'object' && data.rules !== null ? data.rules : {}) as Record<string, unknown>;
  const current = rules[change.rule];
  const setting: Record<string, unknown> =
    typeof current === 'string'
      ? { severity: current }
      : typeof current === 'object' && current !== null
        ? { ...(current as object) }
        : {};
  const list = Array.isArray(setting[change.option]) ? [...(setting[change.option] as unknown[])] : [];
  if (!includesIgnoringCase(list, change.value)) list.push(change.value);
  setting[change.option] = list;
  rules[change.rule] = setting;
  data.rules = rules;
  return `${JSON.stringify(data, null, 2)}\n`;
}

function updateYaml(text: string, change: ConfigEdit): string | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  const current = doc.getIn(['rules', change.rule]);
  if (typeof current === 'string') doc.setIn(['rules', change.rule], doc.createNode({ severity: current }));
  const existing = doc.getIn(['rules', change.rule, change.option]) as { toJSON?: () => unknown } | undefined;
  const list = existing && typeof existing.toJSON === 'function' ? (existing.toJSON() as unknown[]) : [];
  if (!Array.isArray(list)) return undefined;
  if (!includesIgnoringCase(list, change.value))
    doc.setIn(['rules', change.rule, change.option], doc.createNode([...list, change.value]));
  return doc.toString();
}
