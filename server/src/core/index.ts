/** The analysis core's public surface. Nothing here imports LSP or VS Code modules. */

export {
  type ActionItem,
  type ActionType,
  getActionItems,
  type Vagueness,
} from './actions';
export { type AnalysisInput, type AnalysisResult, type AnalyzeHooks, analyze } from './analyze';
export { CONFIG_SCHEMA_URL, type ConfigFile, configSchema, defaultConfig, type ResolvedConfig } from './config';
export { CONFIG_FILE_NAMES, ConfigError, type ConfigFs, ConfigLoader } from './config-loader';
export { type Decoded, decodeBytes, type Encoding, encodeText } from './decode';
export { DEFAULT_POSTMORTEM_GLOBS, isPostmortem, matchesGlobs } from './detect';
export { createHeadingMatcher, headingWords } from './headings';
export { type Figure, findFigures } from './impact/figures';
export { IncrementalAnalyzer, type IncrementalResult, type TextChange } from './incremental';
export { insertSectionsEdit } from './insert-section';
export { DEFAULT_REQUIRED, SECTION_KIND_INFO, SECTION_KINDS, type SectionKind } from './kinds';
export {
  FRONTMATTER_KEYS,
  FRONTMATTER_SCHEMA,
  ROLE_EXAMPLES,
  SEVERITY_VALUES,
  STATUS_VALUES,
} from './metadata/schema';
export { type FrontmatterIssue, type FrontmatterKey, frontmatterKeys, validateFrontmatter } from './metadata/validate';
export { humanMinutes, instantText } from './metrics-text';
export type { PostmortemModel, Section } from './model';
export { buildModel } from './model';
export { type AnyRule, ruleDocsUrl } from './rule';
export {
  type BudgetSource,
  type ErrorBudget,
  type ErrorBudgetJson,
  errorBudgetJson,
  getErrorBudget,
  percentText,
  type Slo,
  type SloSpec,
} from './slo';
export { applyEdits, detectEol, LineIndex } from './text';
export {
  computeMetrics,
  getIncidentMetrics,
  getMilestones,
  getTimeline,
  type IncidentMetrics,
  incidentEntries,
  incidentYear,
  MILESTONE_KINDS,
  MILESTONE_TITLES,
  type Milestone,
  type MilestoneKind,
  type Timeline,
  type TimelineEntry,
  type TimelineInstant,
  type TimelineSection,
} from './timeline';
export type { Finding, Fix, Position, Severity, TextEdit } from './types';
