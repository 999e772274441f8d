import type { ConfigFs } from './config-loader';

/**
 * Where an `extends` entry points: a path (`./team.yaml`, `../shared/.postmortemrc.json`, `/etc/x.yaml`) relative
 * to the extending file's folder, or a package installed in a `node_modules` folder at or above it
 * (`@acme/postmortem-config`, or a file in it: `@acme/postmortem-config/strict.yaml`). A package is read as data,
 * never run: its package.json `main` when that names a .json, .yaml or .yml file, else its `.postmortemrc.*`.
 * Returns undefined when nothing is found.
 */
export function resolveExtends(
  fs: ConfigFs,
  fromDir: string,
  spec: string,
  names: readonly string[],
): string | undefined {
  if (/^\.{1,2}(?:[/\\]|$)/.test(spec) || spec.startsWith('/') || /^[A-Za-z]:[/\\]/.test(spec)) {
    const path = isAbsolute(spec) ? spec : fs.join(fromDir, spec);
    return fs.readFile(path) !== undefined ? path : undefined;
  }
  const parts = spec.split('/');
  const nameLength = spec.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const subpath = parts.slice(nameLength).join('/');
  for (let dir = fromDir; ; ) {
    const root = fs.join(fs.join(dir, 'node_modules'), name);
    if (subpath) {
      const file = fs.join(root, subpath);
      if (fs.readFile(file) !== undefined) return file;
    } else {
      const manifest = fs.readFile(fs.join(root, 'package.json'));
      if (manifest !== undefined) return packageConfig(fs, root, manifest, names);
    }
    const parent = fs.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function packageConfig(fs: ConfigFs, root: string, manifest: string, names: readonly string[]): string | undefined {
  let main: unknown;
  try {
    main = (JSON.parse(manifest) as { main?: unknown }).main;
  } catch {
    main = undefined;
  }
  if (typeof main === 'string' && /\.(?:json|ya?ml)$/i.test(main)) {
    const file = fs.join(root, main);
    if (fs.readFile(file) !== undefined) return file;
  }
  for (const name of names) {
    const file = fs.join(root, name);
    if (fs.readFile(file) !== undefined) return file;
  }
  return undefined;
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[/\\]/.test(path);
}
