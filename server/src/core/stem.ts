/// <reference path="./wink-porter2-stemmer.d.ts" />
import porter2 from 'wink-porter2-stemmer';

/**
 * Word stems, so that a heading matches in any word form: "resolved", "resolving" and "resolution" all name the
 * same part, as do "planned"/"plans" and "preventing"/"prevention". The stemmer is wink's Porter2
 * (wink-porter2-stemmer, the one wink-nlp's model uses), on its own: a heading never loads the NLP model, which only
 * the blame rules need. It runs offline and in a browser. Cached per word, since headings repeat.
 */
const cache = new Map<string, string>();

/** Stems Porter2 leaves apart although they are one word family in a postmortem heading. */
const FAMILIES: Record<string, string> = {
  resolut: 'resolv', // resolution / resolve
  solut: 'solv', // solution / solve
  recoveri: 'recov', // recovery / recover
  summar: 'summari', // summarise / summary
  learnt: 'learn',
};

/** Words whose stem would join them to an unrelated family ("responsibilities" is not a "response"). */
const KEEP = /^(?:responsib|eventual|general|actual|detail)/;

export function stem(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let out = word;
  if (/^[a-z]+$/.test(word) && word.length > 3 && !KEEP.test(word)) {
    out = porter2(word) || word;
    out = FAMILIES[out] ?? out;
  }
  if (cache.size > 5000) cache.clear();
  cache.set(word, out);
  return out;
}
