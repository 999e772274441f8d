/**
 * The protocol between the Postmortem server and its clients beyond standard LSP: the custom requests, the
 * commands the server executes and the client provides, and their payloads. Both sides import this module (the
 * client, `client/src/`, for types and names only), so a renamed method or a changed payload fails the build
 * instead of a request at run time. Any LSP client may use the requests; the VS Code client's views do.
 */

/** `postmortem/summary` (SummaryParams → PostmortemSummary): the Postmortem view and status bar's document state. */
export const SUMMARY_METHOD = 'postmortem/summary';
/** `postmortem/actions` (no params → WorkspaceActions): every follow-up action of every postmortem in the workspace. */
export const ACTIONS_METHOD = 'postmortem/actions';
/**
 * `postmortem/cursor` (CursorParams, a notification from the client): the line the author's cursor is on in a
 * postmortem, sent when it changes line. The findings held back on the line being typed (calm while typing) show as
 * soon as the author leaves it; a client that does not send it gets them after a pause.
 */
export const CURSOR_METHOD = 'postmortem/cursor';

export interface CursorParams {
  /** The document, with the version the line is of (the client's version when the cursor moved). */
  textDocument: { uri: string; version?: number };
  /** The cursor's line, from 0. */
  line: number;
}

/** Server command: insert missing sections (InsertSectionsArgs → InsertSectionsResult). */
export const INSERT_SECTIONS_COMMAND = 'postmortem.server.insertSections';
/** Server command: lint every postmortem of the workspace into the Problems panel (→ WorkspaceLintResult). */
export const LINT_WORKSPACE_COMMAND = 'postmortem.server.lintWorkspace';
/** Client command the server's code actions invoke: insert a snippet at a position (uri, position, snippet). */
export const INSERT_SNIPPET_COMMAND = 'postmortem.insertSnippet';
/** Client command the server's code actions invoke: open a file (a config file a fix changed). */
export const OPEN_FILE_COMMAND = 'postmortem.openFile';

/**
 * What a metrics code lens is about, in its command's `arguments[0]` (the lens's command id is empty: text for any
 * client; the VS Code client makes it open the Postmortem view at that metric).
 */
export type MetricLensTarget = 'metrics' | 'budget';

export {
  type FileContent,
  type FileParams,
  type FileStat,
  fromBase64,
  LIST_FILES_METHOD,
  type ListFilesParams,
  type ListFilesResult,
  MAX_WORKSPACE_FILES,
  READ_FILE_METHOD,
  STAT_FILE_METHOD,
  toBase64,
  WORKSPACE_FILES_OPTION,
  workerBootstrap,
} from './files';
// The payloads (types only), defined here; lsp/ builds them.
export type {
  ActionItemRef,
  FigureKey,
  FindingRef,
  MetricFigure,
  MilestoneStatus,
  PostmortemSummary,
  RelatedRef,
  SectionState,
  SectionStatus,
  SummaryMetrics,
  SummaryParams,
} from './summary';
export type {
  InsertSectionsArgs,
  InsertSectionsResult,
  PostmortemActions,
  WorkspaceActions,
  WorkspaceLintResult,
} from './workspace';
