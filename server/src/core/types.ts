/** Shared types of the analysis core. Offsets are UTF-16 code unit offsets into the analysed text. */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `postmortem lint --fix`; the others are offered only in the editor. */
  safe: boolean;
  /**
   * A change to the project's config file instead of (or besides) the document: add `value` to the array option
   * `option` of rule `rule`. The editor turns it into an edit of the nearest `.postmortemrc.json` (creating it if
   * needed); such fixes are never safe, so `--fix` leaves them alone.
   */
  config?: ConfigEdit;
}

export interface ConfigEdit {
  rule: string;
  option: string;
  value: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** Link to the rule's documentation. */
  url: string;
  /** Whether the finding concerns the whole document (a missing section) rather than the text at its range. */
  scope: 'document' | 'range';
  data?: Record<string, unknown>;
  fixes?: Fix[];
}

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units (the LSP default). */
  character: number;
}
