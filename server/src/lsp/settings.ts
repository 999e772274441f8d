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
