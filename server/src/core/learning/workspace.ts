import type { IncidentDigest } from './record';

/**
 * The analysis' optional view of the other postmortems of the workspace, filled by the host (the CLI from the
 * files it finds, the server from its workspace index). Plain data, sent to the analysis worker once per change.
 */
export interface WorkspaceInput {
  incidents: readonly IncidentDigest[];
}
