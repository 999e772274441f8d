import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ResolvedConfig } from '../core';
import { Linter } from './lint';

/** The resolved config as plain JSON data (rules by id), as --print-config and the API's loadConfig give it. */
export function configToJson(config: ResolvedConfig) {
  return {
    rules: Object.fromEntries(
      [...config.rules].map(([id, setting]) => [
        id,
        Object.keys(setting.options).length > 0 ? { severity: setting.severity, ...setting.options } : setting.severity,
      ]),
    ),
    sections: { required: [...config.required], synonyms: config.synonyms },
    files: [...config.files],
    ignores: config.ignores.map((i) => i.pattern),
    maxFileSize: config.maxFileSize,
    ...(config.slos ? { slos: config.slos } : {}),
    ...(config.categories ? { categories: config.categories } : {}),
    sources: [...config.sources],
  };
}

/** --print-config FILE: the config that applies to FILE, after --config or --no-config, as JSON. */
export function printConfig(
  values: { 'print-config'?: string; config?: string; 'no-config'?: boolean },
  io: { cwd: string; stdout: (text: string) => void },
): number {
  const linter = new Linter({
    cwd: io.cwd,
    fix: false,
    all: false,
    configPath: values.config,
    noConfig: !!values['no-config'],
  });
  const target = resolve(io.cwd, values['print-config'] || '.');
  // A folder stands for a file in it: the config files are looked up from the folder itself.
  const config = linter.configFor(isFolder(target) ? join(target, 'postmortem.md') : target);
  io.stdout(`${JSON.stringify(configToJson(config), null, 2)}\n`);
  return 0;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
