import { URI } from 'vscode-uri';
import type { DocumentFiles } from '../lsp/platform';

/** The mapping between document URIs and host paths. */
export type UriMapping = Omit<DocumentFiles, 'host'>;

/**
 * Documents in the browser: any scheme (vscode-vfs on github.dev, vscode-test-web, memfs…), their URI's path as the
 * host path, so that folders and globs (`**\/postmortems/**`) work as on disk. A path maps back to the URI it came
 * from (a document, or a file the client listed), else to the scheme and authority of the last one seen (the
 * workspace's).
 */
export function browserUris(): UriMapping {
  const uris = new Map<string, string>();
  let base: URI | undefined;
  return {
    pathOf(uri) {
      const parsed = URI.parse(uri);
      if (parsed.scheme === 'untitled') return undefined;
      uris.set(parsed.path, uri);
      base = parsed;
      return parsed.path;
    },
    uriOf(path) {
      return uris.get(path) ?? (base ? base.with({ path, query: '', fragment: '' }) : URI.file(path)).toString();
    },
  };
}
