import type { SentenceView } from './cues';
import { classify, type Entity, isPersonLike } from './entities';
import { forms, type NounPhrase, nounPhraseAt } from './grammar';
import { HUMAN_PROCESS_NOUNS, IMPACT_WORDS } from './lexicon';
import type { Token } from './tokens';

/** What the counterfactual detectors ask of a hindsight phrase: who its subject is, and what it says was done. */

/** Records a cue over tokens [from, to) (see detectCounterfactual). */
export type Push = (from: number, to: number, reason: string, subject?: NounPhrase) => void;

export const ADVERSARY_CONTEXT =
  /\b(?:attack(?:er|ers|s)?|adversar(?:y|ies)|phish\w*|malicious|malware|hacker|intruder|scammer|spammer|threat actor)\b/i;

export function entityOf(view: SentenceView, np: NounPhrase | undefined): Entity | undefined {
  if (!np) return undefined;
  const entity = classify(view.tokens, np, view.ctx);
  // "they could have captured the second factor": in a passage about an attacker, "they" is the attacker.
  if (
    entity.kind === 'person' &&
    /^(?:they|he|she|them)$/.test(view.tokens[np.head].lower) &&
    (ADVERSARY_CONTEXT.test(view.text) || ADVERSARY_CONTEXT.test(view.previous ?? ''))
  ) {
    return { kind: 'adversary' };
  }
  return entity;
}

export const blamable = (e: Entity | undefined) => !!e && isPersonLike(e) && !e.negative;

/** A "by …" agent after token `i`, within the clause. */
export function byAgent(tokens: Token[], i: number): NounPhrase | 'gerund' | undefined {
  for (let k = i + 1; k < tokens.length && k < i + 8; k++) {
    if (tokens[k].kind === 'punct' && tokens[k].text !== '-') return undefined;
    if (tokens[k].lower === 'by') {
      const next = tokens[k + 1];
      if (next && next.pos === 'VERB' && next.lower.endsWith('ing')) return 'gerund';
      return nounPhraseAt(tokens, k + 1);
    }
  }
  return undefined;
}

export function hasImpactWording(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length; k++) {
    if (tokens[k].kind === 'punct' && tokens[k].text !== '-') break;
    if (forms(tokens[k]).some((f) => IMPACT_WORDS.has(f))) return true;
  }
  return false;
}

export function isHumanProcess(tokens: Token[], np: NounPhrase | undefined): boolean {
  return !!np && forms(tokens[np.head]).some((f) => HUMAN_PROCESS_NOUNS.has(f));
}

export function lastParticipleBefore(tokens: Token[], i: number): number | undefined {
  for (let k = i - 1; k >= 0; k--) if (tokens[k].pos === 'VERB' && /(?:ed|en|wn|ght)$/.test(tokens[k].lower)) return k;
  return undefined;
}
