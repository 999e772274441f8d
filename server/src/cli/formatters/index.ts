import type { FileResult } from '../lint';
import { formatJson } from './json';
import { formatStylish } from './stylish';

export interface FormatContext {
  cwd: string;
  color: boolean;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

export const FORMATTERS: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
};
