import { forms, isClausePunct, nounPhraseAt, QUOTE_MARKS } from './grammar';
import { FAILURE_OUTCOMES, HARM_VERBS, HARM_WORDS } from './lexicon';
import { gerundLemma, pastLemma } from './tag-repair';
import type { Token } from './tokens';

/**
 * Remedial work told by its object: a fix or a rollback, or what was removed, stopped or redone described as the
 * problem ("killed the runaway query", "re-ran the failed batch"), and a person's work that is itself a remedy.
 */

/** Nouns of remedial work: "the fix", "a rollback", "the hotfix". */
export const REMEDY_NOUNS = new Set([
  'fix',
  'fixes',
  'rollback',
  'revert',
  'workaround',
  'mitigation',
  'patch',
  'hotfix',
]);
/** Words of remedial work as an object: the nouns, and what a remedy made ("a fixed build", "the restored table"). */
const REMEDY_OBJECTS = new Set([...REMEDY_NOUNS, 'fixed', 'patched', 'corrected', 'restored']);
const PROBLEM_OBJECTS = new Set([
  'stray',
  'affected',
  'orphaned',
  'stale',
  'leftover',
  'malicious',
  'broken',
  'faulty',
  'bad',
  'duplicate',
  'duplicated',
  'zombie',
  'stuck',
  'failing',
  'crashing',
  'corrupted',
  'corrupt',
  'unused',
  'spam',
  'hung',
  'dangling',
  'offending',
  'compromised',
  'leaked',
  // What is no longer needed: removing it is housekeeping ("removed an old snapshot", "deleted the obsolete keys").
  'old',
  'obsolete',
  'outdated',
  'expired',
  'superseded',
  'deprecated',
  'unneeded',
  'unnecessary',
  'redundant',
  'temporary',
  'abandoned',
]);
const REMOVALS = new Set([
  'delete',
  'remove',
  'drop',
  'kill',
  'purge',
  'wipe',
  'evict',
  'revoke',
  'disable',
  'terminate',
  'clean',
  'quarantine',
  'yank',
  // Stopping, containing or redoing what failed: "killed the runaway query", "re-ran the failed batch", "shut down
  // the leaking replica".
  'shut',
  'stop',
  'halt',
  'throttle',
  'block',
  'isolate',
  'suspend',
  'pause',
  'cordon',
  'fence',
  'contain',
  'rerun',
  're-run',
  'retry',
  'replay',
  'rebuild',
  'reindex',
  'repair',
  'restart',
  'reboot',
  'drain',
  'roll',
  'revert',
  'reroute',
  'route',
]);

/** Words that describe the thing acted on as the problem: "the runaway query", "the poisoned cache entries". */
const PROBLEM_STATES = new Set(
  'runaway poisoned leaking abusive rogue misbehaving noisy flapping wedged failed failing broken crashed crashing hung stuck corrupted corrupt compromised infected bloated overloaded saturated split-brain'.split(
    ' ',
  ),
);

/** Whether the token at `k` tells that the thing acted on was the problem: a harm word as a modifier or in a relative clause. */
function problemWord(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (PROBLEM_OBJECTS.has(t.lower) || PROBLEM_STATES.has(t.lower)) return true;
  // "the retry storm", "the outage": a failure as the object.
  if (t.pos === 'NOUN' && forms(t).some((f) => HARM_WORDS.has(f))) return true;
  // "the query that had locked the orders table", "the node that was dropping packets", "the dropped webhooks", "the
  // flapping link" (a participle, whatever the tagger called it).
  const participle = /(?:ed|ing)$/.test(t.lower);
  if (t.pos !== 'VERB' && t.pos !== 'ADJ' && !participle) return false;
  const bases = participle ? [t.lower.endsWith('ing') ? gerundLemma(t.lower) : pastLemma(t.lower)] : [];
  return [...forms(t), ...bases].some((f) => HARM_VERBS.has(f) || FAILURE_OUTCOMES.has(f));
}

/**
 * Remedial work whatever the verb: "sent out a fix", "deploys a fixed Boskos", "rolled Prow back", "merges the
 * rollback PR", "a PR to fix…", or removing what is itself the problem ("deletes the affected versions").
 */
export function isRemedialObject(tokens: Token[], verb: number): boolean {
  const removal =
    forms(tokens[verb]).some((f) => REMOVALS.has(f)) || /^re-?(?:ran|run|runs|tried|played)$/.test(tokens[verb].lower);
  for (let k = verb + 1; k < tokens.length && k < verb + 12; k++) {
    const t = tokens[k];
    // "approved the change ticket without reading the rollback plan": what comes after "without" is not the object.
    // "deleted 1,800 invoices it thought were duplicates": what the object was taken for is no problem it had.
    if (
      isClausePunct(t) ||
      /^(?:which|and|without|instead|rather|while|when|during|before|after|thought|believed|assumed|presumed|mistook)$/.test(
        t.lower,
      )
    )
      break;
    if (REMEDY_OBJECTS.has(t.lower) || (t.lower === 'back' && forms(tokens[verb]).includes('roll'))) return true;
    // "removed the 'unused' rule": a problem in scare quotes is the writer's doubt that it was one.
    if (
      removal &&
      problemWord(tokens, k) &&
      !(QUOTE_MARKS.has(tokens[k - 1].text) && QUOTE_MARKS.has(tokens[k + 1]?.text ?? ''))
    )
      return true;
  }
  return false;
}

/** Whether the person's work named in tokens [from, to) is a remedy: "fix", "quick rollback of the bad change". */
export function remedialArtefact(tokens: Token[], from: number, to: number): boolean {
  const np = nounPhraseAt(tokens, from + 1, to);
  const head = np ? tokens[np.head] : undefined;
  return (
    !!head &&
    (REMEDY_NOUNS.has(head.lower) ||
      /^(?:roll-back|failover|fail-over|runbook|restore|recovery|alert|dashboard|analysis|triage|escalation)$/.test(
        head.lower,
      ))
  );
}
