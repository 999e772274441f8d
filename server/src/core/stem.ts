import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

/**
 * Word stems, so that a heading matches in any word form: "resolved", "resolving" and "resolution" all name the
 * same part, as do "planned"/"plans" and "preventing"/"prevention". The stemmer is the Porter2 one that ships with
 * wink-nlp's English model (already used for the blame tagger); it runs offline and in a browser. Created on first
 * use and cached per word, since headings repeat.
 */
let nlp: ReturnType<typeof winkNLP> | undefined;
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
    nlp ??= winkNLP(model, []);
    const tokens = nlp.readDoc(word).tokens();
    const stems = tokens.out(nlp.its.stem as Parameters<typeof tokens.out>[0]) as string[];
    out = stems.length === 1 && stems[0] ? stems[0] : word;
    out = FAMILIES[out] ?? out;
  }
  if (cache.size > 5000) cache.clear();
  cache.set(word, out);
  return out;
}
