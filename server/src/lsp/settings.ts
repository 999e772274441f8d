import { DEFAULT_POSTMORTEM_GLOBS } from '../core';

/** The editor settings the server reads (section "postmortem"); every one has a default, so none need be sent. */
export interface Settings {
  files: string[];
  debounceMs: number;
}

export const DEFAULT_SETTINGS: Settings = { files: [...DEFAULT_POSTMORTEM_GLOBS], debounceMs: 250 };

/** Takes what a client sent and keeps only well-typed values. */
export function normaliseSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const files =
    Array.isArray(value.files) && value.files.every((f) => typeof f === 'string')
      ? (value.files as string[])
      : DEFAULT_SETTINGS.files;
  const debounceMs =
    typeof value.debounceMs === 'number' && value.debounceMs >= 0 ? value.debounceMs : DEFAULT_SETTINGS.debounceMs;
  return { files, debounceMs };
}
