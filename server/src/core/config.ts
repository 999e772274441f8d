import { DEFAULT_REQUIRED, SECTION_KINDS, type SectionKind } from './kinds';
import type { CategorySpec } from './learning/categories';
import type { AnyRule as Rule } from './rule';
import type { SloSpec } from './slo/declare';
import { SLO_SCHEMA } from './slo/schema';
import type { SeveritySetting } from './types';

/** What a `.postmortemrc.json` / `.postmortemrc.yaml` holds. */
export interface ConfigFile {
  $schema?: string;
  /** Stop looking for config files in parent folders. */
  root?: boolean;
  /** Config files (paths relative to this one) or packages whose config this one builds on; later ones win. */
  extends?: string | string[];
  /** Globs (relative to this file's folder) of files never linted. */
  ignores?: string[];
  rules?: Record<string, SeveritySetting | ({ severity?: SeveritySetting } & Record<string, unknown>)>;
  sections?: {
    required?: SectionKind[];
    synonyms?: Partial<Record<SectionKind, string[]>>;
  };
  /** Extra globs of files that are postmortems (the editor's `postmortem.files` setting adds to these). */
  files?: string[];
  /** Files larger than this many bytes are not analysed. */
  maxFileSize?: number;
  /** The most time one analysis may take, in milliseconds, before it is stopped (server and CLI). */
  timeBudgetMs?: number;
  /** SLOs by service (`"*"`: any service), for the error budget an incident consumed. */
  slos?: Record<string, SloSpec>;
  /** The contributing-factor taxonomy: name → cue words, `{ title, keywords, patterns }`, or `false` to drop one. */
  categories?: Record<string, CategorySpec>;
}

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Map<string, RuleSetting>;
  required: SectionKind[];
  synonyms: Partial<Record<SectionKind, string[]>>;
  files: string[];
  maxFileSize: number;
  /** Globs of files never linted, each with the folder it is relative to (its config file's). */
  ignores: { base: string; pattern: string }[];
  timeBudgetMs: number;
  /** SLOs by service (`"*"`: any service); the frontmatter's `slo` wins over them. */
  slos?: Record<string, SloSpec>;
  /** Changes to the default taxonomy of contributing-factor categories (`taxonomyOf` reads them), by name. */
  categories?: Record<string, CategorySpec>;
  /** The config files that were merged, outermost first. */
  sources: string[];
  /**
   * Set for an untrusted workspace (VS Code's Restricted Mode): the parts of the config that run as patterns are
   * ignored, so a workspace one has not trusted cannot slow the linter down.
   */
  untrusted?: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
export const DEFAULT_TIME_BUDGET_MS = 2000;

export function defaultConfig(rules: readonly Rule[]): ResolvedConfig {
  return {
    rules: new Map(rules.map((r) => [r.id, { severity: r.defaultSeverity, options: {} }])),
    required: [...DEFAULT_REQUIRED],
    synonyms: {},
    files: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    ignores: [],
    timeBudgetMs: DEFAULT_TIME_BUDGET_MS,
    sources: [],
  };
}

/** Layers a (validated) config file over a resolved config: the nearer file wins key by key. */
export function mergeConfig(base: ResolvedConfig, file: ConfigFile, source: string): ResolvedConfig {
  const rules = new Map(base.rules);
  for (const [id, value] of Object.entries(file.rules ?? {})) {
    const previous = rules.get(id) ?? { severity: 'warning', options: {} };
    if (typeof value === 'string') {
      rules.set(id, { severity: value, options: previous.options });
    } else {
      const { severity, ...options } = value;
      rules.set(id, { severity: severity ?? previous.severity, options: { ...previous.options, ...options } });
    }
  }
  const synonyms = { ...base.synonyms };
  for (const [kind, words] of Object.entries(file.sections?.synonyms ?? {}) as [SectionKind, string[]][]) {
    synonyms[kind] = [...(synonyms[kind] ?? []), ...words];
  }
  return {
    rules,
    required: file.sections?.required ? [...file.sections.required] : base.required,
    synonyms,
    files: [...base.files, ...(file.files ?? [])],
    maxFileSize: file.maxFileSize ?? base.maxFileSize,
    ignores: [...base.ignores, ...(file.ignores ?? []).map((pattern) => ({ base: folderOf(source), pattern }))],
    timeBudgetMs: file.timeBudgetMs ?? base.timeBudgetMs,
    ...(base.slos || file.slos ? { slos: { ...base.slos, ...file.slos } } : {}),
    ...(base.categories || file.categories ? { categories: { ...base.categories, ...file.categories } } : {}),
    untrusted: base.untrusted,
    sources: [...base.sources, source],
  };
}

/** The folder of a config file's path (either separator); the core does no path arithmetic beyond this. */
function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut <= 0 ? path.slice(0, cut + 1) || '.' : path.slice(0, cut);
}

/** Where the config schema is published: raw JSON, so editors and SchemaStore can fetch it. */
export const CONFIG_SCHEMA_URL =
  'https://raw.githubusercontent.com/postmortem-dev/postmortem/main/schemas/postmortemrc.schema.json';

const SEVERITY = { type: 'string', enum: ['off', 'info', 'warning', 'error'] };

/** The JSON schema of the config file, generated from the rules' metadata. */
export function configSchema(rules: readonly Rule[]): Record<string, unknown> {
  const ruleProperties: Record<string, unknown> = {};
  for (const rule of rules) {
    ruleProperties[rule.id] = {
      description: `${rule.description} Default: ${rule.defaultSeverity}.`,
      markdownDescription: `${rule.description} Default: \`${rule.defaultSeverity}\`. [Docs](https://github.com/postmortem-dev/postmortem/blob/main/docs/rules/${rule.id}.md)`,
      oneOf: [
        SEVERITY,
        {
          type: 'object',
          additionalProperties: false,
          properties: { severity: SEVERITY, ...(rule.options ?? {}) },
        },
      ],
    };
  }
  const kind = { type: 'string', enum: [...SECTION_KINDS] };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_URL,
    title: 'Postmortem configuration (.postmortemrc.json / .postmortemrc.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: {
        type: 'boolean',
        description: 'Stop looking for configuration files in parent folders.',
      },
      extends: {
        description:
          'Configs this one builds on: a path relative to this file (./team.yaml) or a package name (@acme/postmortem-config, whose package.json "main" names a .json or .yaml file, else its .postmortemrc.*). Later ones, then this file, win.',
        oneOf: [
          { type: 'string', minLength: 1 },
          { type: 'array', items: { type: 'string', minLength: 1 } },
        ],
      },
      ignores: {
        type: 'array',
        description:
          'Glob patterns, relative to this file\'s folder, of files never linted (as ESLint\'s ignores): "drafts/**", "archive/".',
        items: { type: 'string', minLength: 1 },
      },
      rules: {
        type: 'object',
        description: 'Rule severities (off, info, warning, error) and options, by rule id.',
        additionalProperties: false,
        properties: ruleProperties,
      },
      sections: {
        type: 'object',
        additionalProperties: false,
        properties: {
          required: {
            type: 'array',
            description: 'The section kinds every postmortem must have.',
            items: kind,
            uniqueItems: true,
          },
          synonyms: {
            type: 'object',
            description: 'Extra heading names for each section kind.',
            additionalProperties: false,
            properties: Object.fromEntries(
              SECTION_KINDS.map((k) => [k, { type: 'array', items: { type: 'string', minLength: 1 } }]),
            ),
          },
        },
      },
      files: {
        type: 'array',
        description: 'Extra glob patterns of Markdown files that are postmortems.',
        items: { type: 'string', minLength: 1 },
      },
      maxFileSize: {
        type: 'integer',
        minimum: 1,
        description: `Files larger than this many bytes are not analysed (default ${DEFAULT_MAX_FILE_SIZE}).`,
      },
      timeBudgetMs: {
        type: 'integer',
        minimum: 100,
        maximum: 60000,
        description: `The most time, in milliseconds, the analysis of one file may take before it is stopped and the file reported as not analysed (default ${DEFAULT_TIME_BUDGET_MS}).`,
      },
      slos: {
        type: 'object',
        description:
          'Service level objectives by service name (as the frontmatter\'s `services` names them; `"*"` for any other), for the error budget an incident consumed: `{ checkout: { target: 99.9, window: 30d, sli: availability } }`. A postmortem\'s own `slo:` wins.',
        additionalProperties: SLO_SCHEMA,
      },
      categories: {
        type: 'object',
        description:
          "The contributing-factor categories causes are sorted into (the report's incidents per category, repeat causes, learning/repeat-incident), over the default change, config, dependency, capacity, hardware, security and process: a name with its cue words (`network: [bgp, dns, packet loss]`: prefixes matched at a word start, any case), or `{ title, keywords, patterns }` (patterns in RE2 syntax, case-insensitive), or `false` to drop a default one. A default name given here replaces that category's cues.",
        propertyNames: { pattern: '^[a-z0-9][a-z0-9 _-]{0,39}$' },
        additionalProperties: CATEGORY_SCHEMA,
      },
    },
  };
}

/** One category of the config's `categories`. */
const CATEGORY_SCHEMA = {
  oneOf: [
    { type: 'array', minItems: 1, items: { type: 'string', minLength: 1, maxLength: 80 } },
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        title: { type: 'string', minLength: 1, description: 'What messages and the report call it.' },
        keywords: {
          type: 'array',
          items: { type: 'string', minLength: 1, maxLength: 80 },
          description: 'Cue words: prefixes matched at a word start, any case.',
        },
        patterns: {
          type: 'array',
          items: { type: 'string', minLength: 1, format: 're2' },
          description:
            'Regular expressions in RE2 syntax (linear time: no look-around or back-references), matched case-insensitively; ignored in an untrusted workspace.',
        },
      },
    },
    { const: false },
  ],
} as const;
