import { getActionItems, type PostmortemModel } from '../core';
import { withoutReferences } from '../core/actions';
import { trimEndWhere } from '../core/text';
import type { ActionItemRef } from '../protocol';
import { toRange } from './diagnostics';

const MAX_TEXT = 300;

const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);

export function actionItemRefs(model: PostmortemModel): ActionItemRef[] {
  return getActionItems(model).map((a) => ({
    index: a.index,
    text: clip(a.text),
    title: clip(trimEndWhere(withoutReferences(a.text), (c) => ',;:( \t\n'.includes(c)) || a.text),
    owner: a.owner?.text ?? null,
    tracking: a.tracking.map((t) => t.text),
    type: a.type,
    status: a.status,
    statusSource: a.statusSource,
    range: toRange(model.lines, a.headRange.start, a.headRange.end),
    section: a.section,
    parent: a.parent,
    due: a.due,
    vague: !!a.vague,
  }));
}
