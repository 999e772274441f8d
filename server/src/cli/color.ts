/**
 * Whether the report is coloured, in this order: --no-color, then --color, then a report written to a file
 * (never coloured), then FORCE_COLOR (any value but "0" or "false" forces colour) and NO_COLOR (any non-empty
 * value turns it off, https://no-color.org), then what the terminal supports (`stream.hasColors()`).
 */
export function useColor(
  flags: { color?: boolean; 'no-color'?: boolean; 'output-file'?: string },
  io: { isTty: boolean; env: Record<string, string | undefined>; hasColors?: () => boolean },
): boolean {
  if (flags['no-color']) return false;
  if (flags.color) return true;
  if (flags['output-file']) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (io.env.NO_COLOR) return false;
  return io.hasColors ? io.hasColors() : io.isTty;
}
