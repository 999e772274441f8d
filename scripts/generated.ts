// What is generated from the rules' metadata: the config JSON schema, the README rule table, and the
// metadata block of each rule's docs page. `npm run generate` writes them; the meta-test fails when stale.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../server/src/core/config';
import type { AnyRule } from '../server/src/core/rule';
import { RULES } from '../server/src/rules';

export const ROOT = join(__dirname, '..');
export const SCHEMA_PATH = 'schemas/postmortemrc.schema.json';

export interface GeneratedFile {
  path: string;
  content: string;
}

function replaceBlock(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from) throw new Error(`missing ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

export function docsPath(rule: AnyRule): string {
  return `docs/rules/${rule.id}.md`;
}

function optionsLine(rule: AnyRule): string {
  const entries = Object.entries(rule.options ?? {});
  if (entries.length === 0) return 'none';
  return entries
    .map(
      ([name, schema]) =>
        `\`${name}\` (${String((schema as { type?: string }).type ?? 'value')}): ${String((schema as { description?: string }).description ?? '')}`,
    )
    .join('<br>');
}

function ruleMeta(rule: AnyRule): string {
  return [
    '| | |',
    '| --- | --- |',
    `| Rule id (diagnostic code, config key) | \`${rule.id}\` |`,
    `| Default severity | \`${rule.defaultSeverity}\` |`,
    `| Applies to | ${rule.scope === 'document' ? 'the whole document (reported on the title)' : 'the text it points at'} |`,
    `| Quick fix | ${rule.fixable ? 'yes' : 'no'} |`,
    `| Options | ${optionsLine(rule)} |`,
    '',
    `> ${rule.description}`,
    '',
    `Configure it in \`.postmortemrc.json\`: \`{ "rules": { "${rule.id}": "warning" } }\` (\`off\`, \`info\`, \`warning\`, \`error\`).`,
  ].join('\n');
}

function ruleTable(): string {
  const rows = RULES.map(
    (r) =>
      `| [\`${r.id}\`](${docsPath(r)}) | ${r.description} | \`${r.defaultSeverity}\` | ${r.fixable ? 'yes' : ''} |`,
  );
  return ['| Rule | What it checks | Default | Fix |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * The package.nls.json key of a rule's description in the settings UI. VS Code replaces only `%key%` whose key is
 * made of letters, digits, `_`, `.` and `-`: the rule id's `/` becomes a `.`.
 */
export function ruleNlsKey(rule: AnyRule): string {
  return `rule.${rule.id.replace(/\//g, '.')}.description`;
}

/**
 * package.json with the `postmortem.rules` setting: one entry per rule with its severities, so the settings UI can
 * turn a rule off or change its severity (the .postmortemrc file does the same for the project and for CI). Its
 * descriptions are package.nls.json's (see nlsJson), so that they can be translated.
 */
function packageJson(text: string): string {
  const pkg = JSON.parse(text);
  const properties = pkg.contributes.configuration.properties;
  const rules: Record<string, unknown> = {};
  for (const rule of RULES) {
    rules[rule.id] = {
      type: 'string',
      enum: ['default', 'off', 'info', 'warning', 'error'],
      default: 'default',
      markdownDescription: `%${ruleNlsKey(rule)}%`,
    };
  }
  properties['postmortem.rules'] = {
    type: 'object',
    scope: 'resource',
    properties: rules,
    additionalProperties: false,
    default: {},
    markdownDescription: '%config.rules.description%',
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** package.nls.json: its hand-written strings as they are, then each rule's description for the settings UI. */
function nlsJson(text: string): string {
  const nls = Object.fromEntries(
    Object.entries(JSON.parse(text) as Record<string, string>).filter(([key]) => !key.startsWith('rule.')),
  );
  for (const rule of RULES) nls[ruleNlsKey(rule)] = `${rule.description} Default: \`${rule.defaultSeverity}\`.`;
  return `${JSON.stringify(nls, null, 2)}\n`;
}

/** Every generated file with the content it should have now. */
export function generatedFiles(): GeneratedFile[] {
  const files: GeneratedFile[] = [{ path: SCHEMA_PATH, content: `${JSON.stringify(configSchema(RULES), null, 2)}\n` }];
  files.push({ path: 'package.json', content: packageJson(readFileSync(join(ROOT, 'package.json'), 'utf8')) });
  files.push({ path: 'package.nls.json', content: nlsJson(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) });
  const readme = join(ROOT, 'README.md');
  if (existsSync(readme))
    files.push({ path: 'README.md', content: replaceBlock(readFileSync(readme, 'utf8'), 'rules', ruleTable()) });
  for (const rule of RULES) {
    const path = join(ROOT, docsPath(rule));
    if (existsSync(path))
      files.push({
        path: docsPath(rule),
        content: replaceBlock(readFileSync(path, 'utf8'), 'rule-meta', ruleMeta(rule)),
      });
  }
  return files;
}
