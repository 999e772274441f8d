/**
 * Learning across incidents: the workspace index of postmortems (records read from the analysis' model), similar
 * incidents, and repeats of a cause whose follow-up actions are still open. Pure: no Node built-in, no editor type.
 */
export {
  CATEGORY_TITLES,
  CAUSE_CATEGORIES,
  type CategorySpec,
  type CauseCategory,
  categoriesOf,
  categoryTitle,
  DEFAULT_TAXONOMY,
  type Taxonomy,
  taxonomyOf,
} from './categories';
export {
  isEarlier,
  type RelatedIncident,
  type RelatedOptions,
  WorkspaceIndex,
} from './index-search';
export { digestOf, type IncidentDigest, type IncidentRecord, incidentDate, incidentRecord } from './record';
export { findRepeats, type Repeat } from './repeats';
export { declaredServices, normaliseService, servicesNamed } from './services';
export {
  type ActionTrend,
  actionTrend,
  type CategoryTrend,
  categoryTrend,
  type Distribution,
  distribution,
  MEASURES,
  type Measure,
  type Period,
  periodFor,
  periodOf,
  type RepeatCause,
  repeatCauses,
  type TrendIncident,
  type Trends,
  trendIncident,
  trends,
} from './trends';
export type { WorkspaceInput } from './workspace';
