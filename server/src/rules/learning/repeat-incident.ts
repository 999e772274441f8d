import { categoryTitle, findRepeats, incidentRecord, taxonomyOf } from '../../core/learning';
import { sectionsOfKind } from '../../core/model';
import type { Rule } from '../../core/rule';
import { titleRange } from '../structure/required-section';

const DEFAULT_LOOKBACK_DAYS = 730;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The strongest sign that a lesson was not learned: an earlier postmortem of the workspace had the same service
 * and the same kind of cause, and its follow-up actions are still open. Needs the workspace index (the CLI and
 * the server give it); a text analysed alone gets nothing.
 */
export const repeatIncident: Rule = {
  id: 'learning/repeat-incident',
  workspace: true,
  description:
    'An earlier postmortem of the workspace had the same service and cause category, and its follow-up actions are still open.',
  explanation:
    'A repeat of a cause whose actions are still open means the lesson has not been learned yet. Link the earlier postmortem, and finish or re-prioritise its open actions before adding new ones.',
  defaultSeverity: 'info',
  scope: 'document',
  fixable: false,
  options: {
    lookbackDays: {
      type: 'integer',
      minimum: 1,
      default: DEFAULT_LOOKBACK_DAYS,
      description: 'Only earlier incidents within this many days before this one count.',
    },
  },
  check({ model, config, workspace, documentId, options, report }) {
    if (!workspace || workspace.incidents.length === 0) return;
    const taxonomy = taxonomyOf(config);
    const record = incidentRecord(model, documentId ?? '', taxonomy);
    const lookback = typeof options.lookbackDays === 'number' ? options.lookbackDays : DEFAULT_LOOKBACK_DAYS;
    const since = record.date ? Date.parse(record.date) - lookback * DAY_MS : Number.NaN;
    const repeats = findRepeats(record, workspace.incidents).filter(
      (r) => !r.incident.date || Number.isNaN(since) || Date.parse(r.incident.date) >= since,
    );
    if (repeats.length === 0) return;
    const [first] = repeats;
    const cause = first.categories.map((c) => categoryTitle(c, taxonomy)).join(', ');
    const open = first.incident.actions.open;
    const others =
      repeats.length > 1 ? ` (and ${repeats.length - 1} more earlier postmortem${repeats.length > 2 ? 's' : ''})` : '';
    const heading = sectionsOfKind(model, 'root-cause')[0] ?? sectionsOfKind(model, 'trigger')[0];
    const range = heading ? { start: heading.start, end: heading.headingEnd } : titleRange(model);
    report({
      message: `Repeat incident: "${first.incident.title}" (${first.incident.date}) had the same service (${first.services.join(', ')}) and cause (${cause}), and ${open} of its follow-up actions ${open === 1 ? 'is' : 'are'} still open${others}. Link it, and finish or re-prioritise those actions.`,
      ...range,
      data: {
        incidents: repeats.map((r) => ({
          id: r.incident.id,
          title: r.incident.title,
          date: r.incident.date,
          services: r.services,
          categories: r.categories,
          openActions: r.incident.actions.open,
          openTitles: r.incident.actions.openTitles,
        })),
      },
    });
  },
};
