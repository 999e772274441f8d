import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { decodeBytes, type PostmortemModel, type ResolvedConfig } from '../../core';
import { expandTargets } from '../files';
import { nodeService } from '../lint';

export interface LoadedPostmortem {
  /** Absolute path. */
  path: string;
  /** Path relative to the current folder, with forward slashes. */
  relativePath: string;
  model: PostmortemModel;
  /** The config that applies to it (for the SLOs of `slos`). */
  config: ResolvedConfig;
}

export interface LoadOptions {
  cwd: string;
  configPath?: string;
  /** Read every Markdown file, not only those that look like postmortems. */
  all: boolean;
}

/**
 * The postmortems among the given paths, folders and globs, found and configured as `postmortem lint` finds
 * them (the same file discovery, `.postmortemrc` files and postmortem detection), each analysed once.
 * Unreadable or binary files are skipped.
 */
export async function loadPostmortems(args: readonly string[], options: LoadOptions): Promise<LoadedPostmortem[]> {
  // Models only: the rules do not run, so no analysis worker is started.
  const service = nodeService({ inProcess: true });
  const fixed: ResolvedConfig | undefined = options.configPath
    ? service.loader.loadFile(options.configPath)
    : undefined;
  const out: LoadedPostmortem[] = [];
  for (const target of await expandTargets(args, options.cwd)) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(target.path);
    } catch {
      continue;
    }
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) continue;
    const config = fixed ?? service.configFor(target.path);
    const rel = relative(options.cwd, target.path).split('\\').join('/');
    const scope = { roots: [options.cwd], explicit: target.explicit || options.all };
    if (!service.isPostmortem(target.path, decoded.text, config, scope)) continue;
    const model = service.model(decoded.text, config);
    if (model) out.push({ path: target.path, relativePath: rel || target.path, model, config });
  }
  return out;
}
