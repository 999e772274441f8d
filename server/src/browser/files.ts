import { URI } from 'vscode-uri';
import type { Host } from '../core/service';
import type { DocumentFiles } from '../lsp/platform';

/**
 * Documents in the browser: any scheme (vscode-vfs on github.dev, vscode-test-web, memfs…), their URI's path as the
 * host path, so that folders and globs (`**\/postmortems/**`) work as on disk. A path maps back to the URI it came
 * from, else to the scheme and authority of the last document seen (the workspace's).
 */
export function browserFiles(host: Host): DocumentFiles {
  const uris = new Map<string, string>();
  let base: URI | undefined;
  return {
    host,
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
