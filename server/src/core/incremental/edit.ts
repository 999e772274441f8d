/** One change to a text: `deleted` UTF-16 units at `offset` replaced by `inserted`. */
export interface TextChange {
  offset: number;
  deleted: number;
  inserted: string;
}

/** The change that turns `before` into `after`: their common prefix and suffix are left out. */
export function changeBetween(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return {
    offset: prefix,
    deleted: before.length - prefix - suffix,
    inserted: after.slice(prefix, after.length - suffix),
  };
}

/** Whether applying `change` to `before` gives `after` (a change from the host is checked, not trusted). */
export function changeApplies(before: string, after: string, change: TextChange): boolean {
  const { offset, deleted, inserted } = change;
  if (!Number.isInteger(offset) || !Number.isInteger(deleted) || typeof inserted !== 'string') return false;
  if (offset < 0 || deleted < 0 || offset + deleted > before.length) return false;
  if (after.length !== before.length - deleted + inserted.length) return false;
  const tail = before.length - offset - deleted;
  return (
    after.startsWith(inserted, offset) &&
    after.slice(0, offset) === before.slice(0, offset) &&
    after.slice(after.length - tail) === before.slice(before.length - tail)
  );
}

/** Applies one change. */
export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.offset) + change.inserted + text.slice(change.offset + change.deleted);
}
