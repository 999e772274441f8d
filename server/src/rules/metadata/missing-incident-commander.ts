import { findIncidentCommander } from '../../core/metadata/people';
import { levelsOf, severityLevel } from '../../core/metadata/severity';
import type { Rule } from '../../core/rule';
import { titleRange } from '../structure/required-section';

/** Major incidents have an incident commander (PagerDuty, Atlassian); the postmortem says who it was. */
export const missingIncidentCommander: Rule = {
  id: 'metadata/missing-incident-commander',
  description:
    'A severe incident names its incident commander: frontmatter `incident_commander`, a participant with that role, or the text.',
  defaultSeverity: 'info',
  scope: 'document',
  fixable: false,
  options: {
    atOrAbove: {
      type: ['string', 'integer'],
      description: 'The least severe level that calls for an incident commander (`SEV2` also covers SEV0 and SEV1).',
      default: 'SEV2',
    },
  },
  check({ model, options, report }) {
    const level = severityLevel(model);
    const [threshold] = levelsOf([(options.atOrAbove as string | number | undefined) ?? 'SEV2']);
    if (level === undefined || threshold === undefined || level > threshold) return;
    if (findIncidentCommander(model)) return;
    report({
      message: `No incident commander named for this severity ${level} incident: a severity ${level} incident calls for one. Add \`incident_commander: …\` to the frontmatter or a participant with \`role: incident commander\`.`,
      ...titleRange(model),
      data: { severity: level },
    });
  },
};
