import { DEFAULT_POSTMORTEM_GLOBS, type ResolvedConfig } from '../core';
import type { SeveritySetting } from '../core/types';

/** The editor settings the server reads (section "postmortem"); every one has a default, so none need be sent. */
export interface Settings {
  files: string[];
  debounceMs: number;
  /** `postmortem.rules`: a severity per rule id, set in the settings UI ("default" entries are left out). */
  rules: Record<string, SeveritySetting>;
}

export const DEFAULT_SETTINGS: Settings = { files: [...DEFAULT_POSTMORTEM_GLOBS], debounceMs: 250, rules: {} };

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];

/** A document whose last analysis took at most this long is analysed at once after an edit: waiting costs more. */
export const FAST_ANALYSIS_MS = 30;
/** The longest wait after an edit, however slow the last analysis was. */
export const MAX_DEBOUNCE_MS = 2000;

/**
 * The wait between an edit and the next analysis of a document, from `postmortem.debounceMs` and how long the
 * document's last analysis took: none for a fast document, the setting for a typical one, and as long as the last
 * analysis for a slow one, so that analyses of a large document do not run back to back while the author types.
 * A setting of 0 means "at once" for every document; before a first analysis the setting applies.
 */
export function debounceFor(settingMs: number, lastAnalysisMs: number | undefined): number {
  if (settingMs === 0 || lastAnalysisMs === undefined) return settingMs;
  if (lastAnalysisMs <= FAST_ANALYSIS_MS) return 0;
  return Math.min(MAX_DEBOUNCE_MS, Math.max(settingMs, Math.round(lastAnalysisMs)));
}

/** How many of a document's last analysis times the debounce looks at. */
const RECENT_ANALYSES = 5;

/**
 * A document's recent analysis times. The debounce reads their median, not the last one: a single slow analysis (a
 * garbage collection, the machine busy for a moment) must not make the next edits of a fast document wait.
 */
export class RecentAnalysisTimes {
  private readonly times: number[] = [];

  add(ms: number): void {
    this.times.push(ms);
    if (this.times.length > RECENT_ANALYSES) this.times.shift();
  }

  /** The median of the recent times; undefined before a first analysis. */
  typical(): number | undefined {
    if (this.times.length === 0) return undefined;
    const sorted = [...this.times].sort((a, b) => a - b);
    return sorted[(sorted.length - 1) >> 1];
  }
}

/** The config with the editor's per-rule severities applied over it (options stay as the config has them). */
export function withSettingsSeverities(config: ResolvedConfig, rules: Settings['rules']): ResolvedConfig {
  const entries = Object.entries(rules);
  if (entries.length === 0) return config;
  const merged = new Map(config.rules);
  for (const [id, severity] of entries) {
    const current = merged.get(id);
    if (current) merged.set(id, { ...current, severity });
  }
  return { ...config, rules: merged };
}

/** Takes what a client sent and keeps only well-typed values. */
export function normaliseSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const files =
    Array.isArray(value.files) && value.files.every((f) => typeof f === 'string')
      ? (value.files as string[])
      : DEFAULT_SETTINGS.files;
  const debounceMs =
    typeof value.debounceMs === 'number' && value.debounceMs >= 0 ? value.debounceMs : DEFAULT_SETTINGS.debounceMs;
  const rules: Settings['rules'] = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITIES.includes(severity)) rules[id] = severity as SeveritySetting;
    }
  }
  return { files, debounceMs, rules };
}
