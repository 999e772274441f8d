// The editing commands: insert the missing sections (all, or one from the view), reveal a range, lint the
// workspace, open the blameless writing guide. The knowledge stays in the server: the inserts and the workspace
// lint are server commands (workspace/executeCommand), so other LSP clients can run them too.
import {
  commands,
  type Disposable,
  type ExtensionContext,
  Position,
  ProgressLocation,
  Range,
  Selection,
  SnippetString,
  TextEditorRevealType,
  Uri,
  window,
} from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  INSERT_SECTIONS_COMMAND as INSERT_SECTIONS,
  INSERT_SNIPPET_COMMAND,
  type InsertSectionsResult,
  LINT_WORKSPACE_COMMAND as LINT_WORKSPACE,
  OPEN_FILE_COMMAND,
  type WorkspaceLintResult,
} from '../../server/src/protocol';
import type { ViewNode } from './postmortem-view';
import type { SummaryTracker } from './summary';

export const GUIDE_PATH = ['docs', 'blameless-writing.md'];

export type LintWorkspaceResult = WorkspaceLintResult;

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export function registerCommands(
  context: ExtensionContext,
  client: LanguageClient,
  summaries: SummaryTracker,
): Disposable[] {
  const execute = <T>(command: string, args: unknown[]) =>
    client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T>;

  async function insertSections(uri: string | undefined, kinds?: string[]): Promise<InsertSectionsResult | undefined> {
    if (!uri) {
      void window.showInformationMessage('Postmortem: open a postmortem to insert its missing sections.');
      return undefined;
    }
    const result = await execute<InsertSectionsResult>(INSERT_SECTIONS, [{ uri, kinds }]);
    if (result.applied && result.inserted.length === 0) {
      void window.showInformationMessage('Postmortem: no required section is missing.');
    }
    return result;
  }

  const activeUri = () => {
    const doc = window.activeTextEditor?.document;
    return doc ? client.code2ProtocolConverter.asUri(doc.uri) : undefined;
  };

  return [
    commands.registerCommand('postmortem.insertMissingSections', () => insertSections(activeUri())),
    commands.registerCommand('postmortem.insertSection', (node?: ViewNode | { kind: string }) => {
      const kind = node && 'type' in node ? (node.type === 'section' ? node.section.kind : undefined) : node?.kind;
      return kind ? insertSections(summaries.current?.uri ?? activeUri(), [kind]) : undefined;
    }),
    commands.registerCommand('postmortem.revealRange', async (uri: string, range: LspRange) => {
      const editor = await window.showTextDocument(Uri.parse(uri), { preserveFocus: false });
      const target = new Range(range.start.line, range.start.character, range.end.line, range.end.character);
      editor.selection = new Selection(target.start, target.start);
      editor.revealRange(target, TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    commands.registerCommand('postmortem.lintWorkspace', async (): Promise<LintWorkspaceResult> => {
      const result = await window.withProgress(
        { location: ProgressLocation.Notification, title: 'Postmortem: checking the workspace…' },
        () => execute<LintWorkspaceResult>(LINT_WORKSPACE, []),
      );
      const checked = `${result.postmortems} postmortem${result.postmortems === 1 ? '' : 's'} checked`;
      const found =
        result.problems === 0
          ? 'no problems'
          : `${result.problems} problem${result.problems === 1 ? '' : 's'} in ${result.withProblems}`;
      const more = result.truncated ? ' (stopped at the file limit)' : '';
      // Not awaited: the command returns its result at once (tests and other callers need not click).
      void window.showInformationMessage(`Postmortem: ${checked}, ${found}${more}.`, 'Open Problems').then((choice) => {
        if (choice) void commands.executeCommand('workbench.actions.view.problems');
      });
      return result;
    }),
    // Run by quick fixes the server offers (code-actions.ts): a placeholder to fill in, a config file to review.
    commands.registerCommand(
      INSERT_SNIPPET_COMMAND,
      async (uri: string, at: { line: number; character: number }, snippet: string) => {
        const editor = await window.showTextDocument(Uri.parse(uri), { preserveFocus: false });
        await editor.insertSnippet(new SnippetString(snippet), new Position(at.line, at.character));
      },
    ),
    commands.registerCommand(OPEN_FILE_COMMAND, (uri: string) =>
      window.showTextDocument(Uri.parse(uri), { preview: false }),
    ),
    commands.registerCommand('postmortem.openGuide', () =>
      commands.executeCommand('markdown.showPreview', Uri.joinPath(context.extensionUri, ...GUIDE_PATH)),
    ),
  ];
}
