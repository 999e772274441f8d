import type { BlameKind } from './blame/cues';
import type { ResolvedConfig } from './config';
import type { FindingFacts } from './finding-data';
import type { WorkspaceInput } from './learning/workspace';
import type { PostmortemModel } from './model';
import type { Finding, Fix, Severity } from './types';

/** Where rule documentation lives; `codeDescription.href` and SARIF `helpUri` point here. */
export const DOCS_BASE_URL = 'https://github.com/postmortem-dev/postmortem/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

export interface Report {
  message: string;
  start: number;
  end: number;
  /** What the finding is about: the facts adapters act on (`FindingFacts`), and whatever else the rule adds. */
  data?: FindingFacts & Record<string, unknown>;
  fixes?: Fix[];
  /** Ranks this finding below the rule's setting (never above): a part still holding the template's text. */
  severity?: Severity;
}

export interface RuleContext {
  model: PostmortemModel;
  config: ResolvedConfig;
  /** This rule's options from the config, validated against its schema. */
  options: Record<string, unknown>;
  report(report: Report): void;
  /**
   * The workspace's other postmortems, when the host has indexed them (the CLI and the server do; a single text
   * given to the API without a folder does not). Rules that need it report nothing without it.
   */
  workspace?: WorkspaceInput;
  /** This document's id in `workspace`. */
  documentId?: string;
}

/** JSON schema of one option (a subset is enough: the config schema is generated from these). */
export type OptionSchema = Record<string, unknown>;

export interface Rule {
  /** `family/name`, also the file name, the fixture folder, the doc page, the config key and the diagnostic code. */
  id: string;
  /** One sentence, shown in the docs, the README table, SARIF and hovers. */
  description: string;
  /** Optional longer guidance for hovers: why the finding matters and how to rewrite it. */
  explanation?: string;
  defaultSeverity: Severity;
  /** 'document' findings concern the whole file (they sit on the title); 'range' findings the text they cover. */
  scope: 'document' | 'range';
  /** Whether the rule offers fixes (safe ones are applied by --fix). */
  fixable: boolean;
  /** Options the rule takes, as JSON schema properties. */
  options?: Record<string, OptionSchema>;
  phase?: 'model';
  /** The kind of blameful wording the rule finds (its findings say so in `data.blame`): the blame rules only. */
  blame?: BlameKind;
  /** The rule reads the workspace's other postmortems (`RuleContext.workspace`): hosts index them while it is on. */
  workspace?: true;
  check(context: RuleContext): void;
}

export interface InputContext {
  text: string;
  config: ResolvedConfig;
  options: Record<string, unknown>;
  report(report: Report): void;
}

/** A rule that looks at the raw text before it is parsed; a finding from it stops the analysis. */
export interface InputRule extends Omit<Rule, 'check' | 'phase'> {
  phase: 'input';
  check(context: InputContext): void;
}

export type AnyRule = Rule | InputRule;

export type { Finding };
