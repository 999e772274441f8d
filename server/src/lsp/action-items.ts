import type { Range } from 'vscode-languageserver';
import { type ActionItem, type ActionType, getActionItems, type PostmortemModel } from '../core';
import { withoutReferences } from '../core/actions';
import { trimEndWhere } from '../core/text';
import { toRange } from './diagnostics';

/** One follow-up action as the editor shows it (the Postmortem view, the Follow-up actions view). */
export interface ActionItemRef {
  /** Position among the document's actions, from 0. */
  index: number;
  /** The action in plain text, as written. */
  text: string;
  /** The action without its owner, tickets and links, which the views show beside it. */
  title: string;
  /** A team, role or person; null when the action names none. */
  owner: string | null;
  /** Ticket keys and links. */
  tracking: string[];
  type: ActionType;
  status: 'open' | 'done';
  /** checkbox: a task list box; column: a Status column; text: "(done)", "✅"…; default: nothing says. */
  statusSource: ActionItem['statusSource'];
  /** The action's first line: where "reveal" goes. */
  range: Range;
  /** The heading of the section it sits in. */
  section: string;
  /** Index of the parent action for a sub-task. */
  parent?: number;
  due?: string;
  /** The action names no concrete change ("improve monitoring"). */
  vague: boolean;
}

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
