// The payloads of the workspace-wide requests and commands: `postmortem/actions` (ACTIONS_METHOD), "Lint Workspace"
// (LINT_WORKSPACE_COMMAND) and "Insert missing sections" (INSERT_SECTIONS_COMMAND). Built by server/src/lsp/
// (workspace-actions.ts, workspace-lint.ts, commands.ts); read by the VS Code client's views and commands.
import type { ActionItemRef } from './summary';

export interface PostmortemActions {
  uri: string;
  /** The postmortem's title, or its file name. */
  title: string;
  /** Relative to its workspace folder, with forward slashes. */
  relativePath: string;
  actions: ActionItemRef[];
}

export interface WorkspaceActions {
  /** The postmortems found, in path order (those without actions too). */
  postmortems: PostmortemActions[];
  /** Markdown files looked at. */
  files: number;
  /** True when the walk stopped at the file limit. */
  truncated: boolean;
}

export interface WorkspaceLintResult {
  /** Markdown files looked at. */
  files: number;
  /** Of those, the postmortems. */
  postmortems: number;
  /** Diagnostics over all postmortems. */
  problems: number;
  /** Postmortems with at least one diagnostic. */
  withProblems: number;
  /** True when the walk stopped at the file limit. */
  truncated: boolean;
  /** The URIs whose diagnostics were published (closed files), so that the server can keep them when closed. */
  published: string[];
}

export interface InsertSectionsArgs {
  uri: string;
  /** The kinds to insert; default: every missing required section. Kinds already present are skipped. */
  kinds?: string[];
}

export interface InsertSectionsResult {
  applied: boolean;
  /** The section kinds inserted. */
  inserted: string[];
}
