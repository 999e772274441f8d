// "Postmortem: New Postmortem…": asks for a title and a template (or takes them as arguments), creates
// <folder>/<date>-<slug>.md with the folder from postmortem.newPostmortemFolder, and opens it with the template
// inserted as a snippet, so the date is today's and the cursor waits on the severity choice.
import { type ExtensionContext, FileType, SnippetString, Uri, window, workspace } from 'vscode';
import { fillTitle, isTemplateId, postmortemFileName, TEMPLATES, type TemplateId } from './templates';

export interface NewPostmortemArgs {
  title?: string;
  template?: TemplateId;
  /** A folder (absolute URI or path, or relative to the workspace folder); default: the setting. */
  folder?: string | Uri;
}

interface Snippet {
  prefix: string;
  body: string[];
}

export async function newPostmortem(
  context: ExtensionContext,
  arg?: NewPostmortemArgs | Uri,
): Promise<Uri | undefined> {
  // From the Explorer's context menu the argument is the folder that was right-clicked.
  const args: NewPostmortemArgs = arg instanceof Uri ? { folder: arg } : (arg ?? {});
  const settings = workspace.getConfiguration('postmortem');

  const title =
    args.title?.trim() ||
    (
      await window.showInputBox({
        title: 'New Postmortem (1/2)',
        prompt: 'A short title for the incident: what broke, for whom',
        placeHolder: 'Checkout errors after the database failover',
        validateInput: (v) => (v.trim() === '' ? 'Give the incident a title.' : undefined),
        ignoreFocusOut: true,
      })
    )?.trim();
  if (!title) return undefined;

  let template = isTemplateId(args.template) ? args.template : undefined;
  if (!template) {
    const preferred = settings.get<string>('defaultTemplate', 'default');
    const items = TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, id: t.id, picked: t.id === preferred }));
    items.sort((a, b) => Number(b.picked) - Number(a.picked));
    const pick = await window.showQuickPick(items, {
      title: 'New Postmortem (2/2)',
      placeHolder: 'Template',
      ignoreFocusOut: true,
    });
    if (!pick) return undefined;
    template = pick.id;
  }

  const folder = await targetFolder(args.folder, settings.get<string>('newPostmortemFolder', 'postmortems'));
  const body = await templateBody(context, template);
  const snippet = new SnippetString(fillTitle(body, title));

  if (!folder) {
    // No folder open: an untitled document, saved wherever the user chooses.
    const doc = await workspace.openTextDocument({ language: 'markdown' });
    const editor = await window.showTextDocument(doc);
    await editor.insertSnippet(snippet);
    return doc.uri;
  }
  await workspace.fs.createDirectory(folder);
  const existing = new Set(
    (await workspace.fs.readDirectory(folder)).filter(([, t]) => t === FileType.File).map(([n]) => n),
  );
  const file = Uri.joinPath(
    folder,
    postmortemFileName(new Date(), title, (n) => existing.has(n)),
  );
  await workspace.fs.writeFile(file, new Uint8Array());
  const doc = await workspace.openTextDocument(file);
  const editor = await window.showTextDocument(doc, { preview: false });
  await editor.insertSnippet(snippet, doc.positionAt(0));
  await doc.save();
  return file;
}

async function targetFolder(given: string | Uri | undefined, setting: string): Promise<Uri | undefined> {
  if (given instanceof Uri) return given;
  const root =
    (window.activeTextEditor && workspace.getWorkspaceFolder(window.activeTextEditor.document.uri)) ??
    workspace.workspaceFolders?.[0];
  const relative = (given ?? setting).trim() || '.';
  if (/^[a-z][\w+.-]+:\//i.test(relative)) return Uri.parse(relative);
  if (relative.startsWith('/')) return root ? root.uri.with({ path: relative }) : Uri.file(relative);
  return root ? Uri.joinPath(root.uri, ...relative.split(/[\\/]+/).filter(Boolean)) : undefined;
}

async function templateBody(context: ExtensionContext, id: TemplateId): Promise<string> {
  const file = Uri.joinPath(context.extensionUri, 'snippets', 'postmortem.code-snippets');
  const snippets = JSON.parse(new TextDecoder().decode(await workspace.fs.readFile(file))) as Record<string, Snippet>;
  const prefix = TEMPLATES.find((t) => t.id === id)?.prefix;
  const snippet = Object.values(snippets).find((s) => s.prefix === prefix);
  if (!snippet) throw new Error(`Postmortem: the template ${id} is missing from ${file.fsPath}`);
  return snippet.body.join('\n');
}
