import type { Diagnostic } from 'vscode-languageserver';
import { MAX_WORKSPACE_FILES, readText } from '../core/service';
import type { WorkspaceLintResult } from '../protocol';
import type { DocumentFiles } from './platform';

/**
 * "Lint Workspace": every postmortem under the workspace folders into the client's Problems panel, open or not.
 * The walk is the CLI's (node/walk.ts: Markdown files; no node_modules, no dot-folders), bounded.
 */
export interface WorkspaceLintHost {
  folders: readonly string[];
  files: DocumentFiles;
  /** Lint just these files instead of walking the folders (a closed file whose Problems came from here). */
  only?: readonly string[];
  /** The text of an open document (the editor's, not the disk's), if it is open. */
  openText(uri: string): string | undefined;
  /** The diagnostics for a file, or undefined when it is not a postmortem. */
  lint(path: string, text: string): Diagnostic[] | undefined | Promise<Diagnostic[] | undefined>;
  publish(uri: string, diagnostics: Diagnostic[]): void;
}

export async function lintWorkspace(
  host: WorkspaceLintHost,
  limit = MAX_WORKSPACE_FILES,
): Promise<WorkspaceLintResult> {
  const { files, truncated } = host.only
    ? { files: [...host.only], truncated: false }
    : await host.files.host.listMarkdown(host.folders, limit);
  const result: WorkspaceLintResult = {
    files: files.length,
    postmortems: 0,
    problems: 0,
    withProblems: 0,
    truncated,
    published: [],
  };
  for (const path of files) {
    const uri = host.files.uriOf(path);
    const open = host.openText(uri);
    const text = open ?? (await readText(host.files.host, path));
    if (text === undefined) continue;
    const diagnostics = await host.lint(path, text);
    if (!diagnostics) {
      // No longer a postmortem: clear what an earlier run published for it.
      if (open === undefined && host.only) host.publish(uri, []);
      continue;
    }
    result.postmortems++;
    result.problems += diagnostics.length;
    if (diagnostics.length > 0) result.withProblems++;
    if (open === undefined) {
      host.publish(uri, diagnostics);
      result.published.push(uri);
    }
  }
  return result;
}
