/**
 * Tokens with part-of-speech tags. Our own tokenizer decides the tokens (it keeps @handles, hyphenated words and
 * "n't" whole, and knows exact offsets); an NLP tagger, wink-nlp by default, gives each its Universal Dependencies
 * part of speech and lemma.
 */

export type Pos =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X';

export interface Token {
  text: string;
  lower: string;
  /** Base form (lower case): "ran" → "run". */
  lemma: string;
  pos: Pos;
  /** Offsets in the sentence text. */
  start: number;
  end: number;
  kind: 'word' | 'handle' | 'punct' | 'number';
  /** Cached lexicon look-up forms (see grammar.forms). */
  forms?: string[];
}

/** What the analysis needs from an NLP library: tags for the tokens it finds in a text, with their offsets. */
export interface Tagger {
  name: string;
  tag(text: string): { start: number; end: number; pos: string; lemma: string }[];
}

const TOKEN =
  /@[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?(?:\[bot\])?|\p{L}+(?=n['’]t\b)|n['’]t\b|[\p{L}\p{N}_]+(?:[-/][\p{L}\p{N}_]+)*|['’](?:s|ve|re|ll|d|m)\b|\S/giu;

export function tokenize(text: string): Omit<Token, 'pos' | 'lemma'>[] {
  const out: Omit<Token, 'pos' | 'lemma'>[] = [];
  for (const m of text.matchAll(TOKEN)) out.push(make(m[0], m.index ?? 0));
  return out;
}

function make(value: string, start: number): Omit<Token, 'pos' | 'lemma'> {
  const kind =
    value.startsWith('@') && value.length > 1
      ? 'handle'
      : /^\p{N}[\p{N}.,:]*$/u.test(value)
        ? 'number'
        : /^[\p{L}\p{N}_'’]/u.test(value)
          ? 'word'
          : 'punct';
  return { text: value, lower: value.toLowerCase().replace(/’/g, "'"), start, end: start + value.length, kind };
}

/** Tags our tokens with the tagger's parts of speech, aligning the two tokenizations by offsets. */
export function tagTokens(text: string, tagger: Tagger): Token[] {
  const base = tokenize(text);
  const tagged = tagger.tag(text);
  let j = 0;
  return base.map((t) => {
    while (j < tagged.length && tagged[j].end <= t.start) j++;
    const parts: typeof tagged = [];
    for (let k = j; k < tagged.length && tagged[k].start < t.end; k++) parts.push(tagged[k]);
    let pos: Pos = 'X';
    let lemma = t.lower;
    if (t.kind === 'handle') pos = 'PROPN';
    else if (t.kind === 'punct') pos = t.text === '$' || t.text === '%' ? 'SYM' : 'PUNCT';
    else if (t.kind === 'number') pos = 'NUM';
    else if (parts.length === 1) {
      pos = parts[0].pos as Pos;
      lemma = parts[0].lemma.toLowerCase();
    } else if (parts.length > 1) {
      const words = parts.filter((p) => p.pos !== 'PUNCT');
      const first = words[0];
      const last = words[words.length - 1] ?? parts[parts.length - 1];
      // A capitalised compound whose first part is a proper noun is a name ("Jin-woo"); otherwise the head is last.
      pos = (first && first.pos === 'PROPN' && /^\p{Lu}/u.test(t.text) ? 'PROPN' : last.pos) as Pos;
      lemma = t.lower.slice(0, t.lower.length - text.slice(last.start, last.end).length) + last.lemma.toLowerCase();
    }
    const token = t as Token;
    token.pos = pos;
    token.lemma = lemma;
    return token;
  });
}
