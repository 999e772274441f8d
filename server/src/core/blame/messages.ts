import type { BlameKind, Cue } from './cues';

const quote = (s: string) => `"${s.replace(/\s+/g, ' ').trim()}"`;

/** The finding's message: what was found, why it matters, and a systems-focused rewrite. Short and kind. */
export function messageFor(kind: BlameKind, cue: Cue, role?: string): string {
  switch (kind) {
    case 'named-individual': {
      const who = quote(cue.phrase);
      const rewrite = role ? `the ${role.replace(/^the\s+/i, '')}` : 'a role ("the on-call engineer")';
      const what =
        cue.reason === 'verdict' || cue.reason === 'cause-label' || cue.reason === 'answer'
          ? `names ${who} as the cause`
          : cue.reason.startsWith('subject-of-')
            ? `holds ${who} to account by name`
            : `names ${who} as the one whose action caused the failure`;
      return `This sentence ${what}. Naming a person as a cause turns a review into a verdict and makes the next one less candid. Refer to ${rewrite} and describe what in the system let the action cause harm (a missing check, a confusing default, no safe rollback).`;
    }
    case 'human-error':
      return `${quote(cue.phrase)} ends the inquiry where it should start. Describe what in the system allowed the action (no validation, a risky default, look-alike environments) and what made it a reasonable thing to do at the time.`;
    case 'judgment':
      return cue.reason === 'verdict' || cue.reason === 'on-me'
        ? `${quote(cue.phrase)} hands out blame instead of explaining the failure. Describe what happened and what in the system made it likely, e.g. "The change reached production without a review step."`
        : `${quote(cue.phrase)} judges a person's conduct; it explains nothing and makes people defensive. Describe the action and the conditions around it instead, e.g. "The deploy tool allowed a production change without a review."`;
    case 'counterfactual':
      return cue.reason === 'minimizer'
        ? `${quote(cue.phrase)} makes the right move sound easy, with hindsight. Describe what the responder saw and knew at the time, and what would make that move easier (a runbook step, a clearer alert).`
        : cue.reason === 'obvious' || cue.reason === 'hindsight'
          ? `${quote(cue.phrase)} is hindsight: it was not obvious then, or it would have been done. Describe what people saw and knew at the time, and why their actions made sense to them.`
          : `${quote(cue.phrase)} is hindsight about what someone should or could have done; it describes a world that did not happen. Describe what people knew at the time and what in the system would have made the better path easier.`;
  }
}

/** Longer text for hovers, one per rule. */
export const EXPLANATIONS: Record<BlameKind, string> = {
  'named-individual':
    'Blameless postmortems describe actions by role, not by name. When a named person is the subject of the failure, readers remember the person and not the conditions that let a routine action cause harm, and the people involved become less willing to share what they knew. Keep names where they credit people (thanks, incident commander, authors, owners of follow-ups), and write the causal chain with roles: "The on-call engineer ran the cleanup job against the production bucket; the job took its target from an environment variable that defaulted to production."',
  'human-error':
    '"Human error" is where an investigation starts, not where it ends (Sidney Dekker). Calling a cause human error stops the search for the conditions that made the action likely: interfaces that look alike, defaults that point at production, missing guard rails, time pressure. Ask what made the action reasonable to the person at the time, and what in the system would have caught it.',
  judgment:
    'Words like careless, sloppy, lazy or reckless pass judgment on people. They explain nothing about why the failure happened, they make the people involved defensive, and they teach everyone to share less next time. Describe the action, what the person knew, and the conditions that made the outcome possible.',
  counterfactual:
    'Counterfactuals ("should have", "could have", "failed to", "if only", "obviously") describe a world that did not happen, judged with knowledge nobody had at the time. They hide the one that did: what people saw, what they expected, and why their actions made sense. Write what happened and what the system offered the people involved; turn what you wish had happened into an action item for the system ("add a staging check"), not a verdict on a person.',
};
