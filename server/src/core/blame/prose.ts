import type { Root } from 'mdast';

/**
 * The prose of a document, as plain-text blocks that remember where each character came from. Code blocks,
 * inline code, URLs, frontmatter and HTML (comments included) are left out; a table row becomes one block
 * whose cells are joined by " | ".
 */
export interface ProseBlock {
  /** The block's plain text: inline markup removed, inline code replaced by the word "code", links by their text. */
  text: string;
  /** Where each character came from, as runs (see `sourceOffset`): one run per text node in the common case. */
  runs: Run[];
  kind: 'paragraph' | 'heading' | 'tableRow';
  /** Whether the block sits in a list item, a block quote or a table (a new line before it would change the structure). */
  nested: boolean;
  /** Source range of the block. */
  start: number;
  end: number;
  /** For a table row: the header cell text of each column (lower case), to recognise owner columns. */
  columns?: string[];
  /** For a table row: where each cell's text starts in `text` and ends in the source (before its closing pipe). */
  cells?: { textStart: number; textEnd: number; sourceEnd: number }[];
}

/** Characters from `text` on map to `source + (i - text) * step` (step 0 for synthetic text). */
interface Run {
  text: number;
  source: number;
  step: 0 | 1;
}

/** The source offset of character `i` of a block's text. */
export function sourceOffset(block: ProseBlock, i: number): number {
  const { runs } = block;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid].text <= i) lo = mid;
    else hi = mid - 1;
  }
  const run = runs[lo];
  return run ? run.source + (i - run.text) * run.step : block.start;
}

export interface Sentence {
  text: string;
  block: ProseBlock;
  /** Index of the sentence's first character in the block's text. */
  blockStart: number;
}

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** A character that String.prototype.trim would keep (\s is the very WhiteSpace and LineTerminator it removes). */
const NOT_BLANK = /\S/;

const startOf = (n: MdNode) => n.position?.start.offset ?? 0;
const endOf = (n: MdNode) => n.position?.end.offset ?? 0;

/** Code spans whose content is a label such as `cause:human-error` are kept: they record a verdict, not code. */
const LABEL_CODE = /^[\w.-]*:?\s*(?:human|operator|user|staff|engineer|manual|people)[-_ ](?:error|mistake)$/i;

class Builder {
  /** The text so far (appended to, which is cheaper than collecting the pieces and joining them). */
  text = '';
  readonly runs: Run[] = [];
  length = 0;

  constructor(
    private readonly source: string,
    /** Where to collect the value of every code span met, if anywhere. */
    private readonly codes: string[] | undefined,
  ) {}

  private run(source: number, step: 0 | 1): void {
    const last = this.runs[this.runs.length - 1];
    // Extend the last run when the new characters continue it.
    if (last && last.step === step && step === 1 && last.source + (this.length - last.text) === source) return;
    this.runs.push({ text: this.length, source, step });
  }

  /** Appends a text node's value, finding each character in the source (escapes, entities and prefixes are skipped). */
  appendMapped(value: string, from: number, to: number): void {
    if (to - from === value.length && this.source.startsWith(value, from)) {
      // The common case: the source holds the value as is.
      this.run(from, 1);
      this.text += value;
      this.length += value.length;
      return;
    }
    let at = from;
    for (const ch of value) {
      const found = this.source.indexOf(ch, at);
      const offset = found !== -1 && found < to ? found : Math.min(at, to);
      this.run(offset, 1);
      this.text += ch;
      this.length += ch.length;
      if (found !== -1 && found < to) at = found + ch.length;
    }
  }

  /** Appends synthetic text standing for the source range [from, to): its last character maps to the range's end. */
  appendSynthetic(value: string, from: number, to: number): void {
    if (value.length > 1) {
      this.runs.push({ text: this.length, source: from, step: 0 });
      this.text += value.slice(0, -1);
      this.length += value.length - 1;
    }
    this.runs.push({ text: this.length, source: Math.max(from, to - 1), step: 0 });
    this.text += value.slice(-1);
    this.length += 1;
  }

  inline(node: MdNode): void {
    switch (node.type) {
      case 'text': {
        const { position } = node;
        this.appendMapped(node.value ?? '', position?.start.offset ?? 0, position?.end.offset ?? 0);
        return;
      }
      case 'inlineCode': {
        const value = node.value ?? '';
        this.codes?.push(value);
        const word = LABEL_CODE.test(value.trim())
          ? value
              .trim()
              .replace(/^[\w.-]*:\s*/, '')
              .replace(/[-_]/g, ' ')
          : 'code';
        this.appendSynthetic(word, startOf(node), endOf(node));
        return;
      }
      case 'link': {
        const children = node.children ?? [];
        const only = children.length === 1 && children[0].type === 'text' ? children[0].value : undefined;
        // A bare URL (autolink) is not prose.
        if (only !== undefined && (only === node.url || /^(https?:\/\/|www\.|mailto:)/i.test(only))) {
          this.appendSynthetic('link', startOf(node), endOf(node));
          return;
        }
        for (const child of children) this.inline(child);
        return;
      }
      case 'break':
        this.appendSynthetic(' ', startOf(node), endOf(node));
        return;
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        return;
      default:
        for (const child of node.children ?? []) this.inline(child);
    }
  }
}

/**
 * Every prose block of the tree, in document order. With `codes`, also collects the value of every code span of
 * the tree (all of them: a code span only ever sits in the inline content this walks through).
 */
export function proseBlocks(tree: Root, source: string, codes?: string[]): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  const walk = (node: MdNode, nested: boolean) => {
    switch (node.type) {
      case 'paragraph':
      case 'heading': {
        const b = new Builder(source, codes);
        for (const child of node.children ?? []) b.inline(child);
        push(b, node.type, nested, node);
        return;
      }
      case 'table': {
        const rows = node.children ?? [];
        const header = rows[0];
        const columns = (header?.children ?? []).map((cell) => {
          const b = new Builder(source, codes);
          for (const child of cell.children ?? []) b.inline(child);
          return b.text.trim().toLowerCase();
        });
        for (const row of rows) {
          const b = new Builder(source, codes);
          const cells: NonNullable<ProseBlock['cells']> = [];
          (row.children ?? []).forEach((cell, i) => {
            if (i > 0) b.appendSynthetic(' | ', startOf(cell), startOf(cell) + 1);
            const textStart = b.length;
            for (const child of cell.children ?? []) b.inline(child);
            const lastChild = cell.children?.[cell.children.length - 1];
            cells.push({ textStart, textEnd: b.length, sourceEnd: lastChild ? endOf(lastChild) : startOf(cell) + 1 });
          });
          const block = push(b, 'tableRow', true, row);
          if (block) {
            block.columns = row === header ? undefined : columns;
            block.cells = cells;
          }
        }
        return;
      }
      case 'inlineCode':
        codes?.push(node.value ?? '');
        return;
      case 'code':
      case 'html':
      case 'yaml':
      case 'toml':
      case 'definition':
      case 'thematicBreak':
        return;
      case 'listItem':
      case 'blockquote':
      case 'footnoteDefinition':
        for (const child of node.children ?? []) walk(child, true);
        return;
      default:
        for (const child of node.children ?? []) walk(child, nested);
    }
  };
  const push = (b: Builder, kind: ProseBlock['kind'], nested: boolean, node: MdNode): ProseBlock | undefined => {
    const text = b.text;
    if (!NOT_BLANK.test(text)) return undefined; // all blank: text.trim() === ''
    const block: ProseBlock = { text, runs: b.runs, kind, nested, start: startOf(node), end: endOf(node) };
    blocks.push(block);
    return block;
  };
  walk(tree as unknown as MdNode, false);
  return blocks;
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'cf',
  'approx',
  'incl',
  'esp',
  'dept',
  'fig',
  'no',
  'nr',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'al',
  'min',
  'max',
  'est',
  'ca',
  'resp',
  'ver',
  'v',
]);

/**
 * Splits a block into sentences: after . ! or ? followed by space and a capital, digit, quote or list-like start,
 * except after abbreviations, initials and numbers ("v3.2", "10.5"). Line breaks inside a block do not split.
 */
export function splitSentences(block: ProseBlock): Sentence[] {
  const { text } = block;
  const out: Sentence[] = [];
  let start = 0;
  const emit = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ text: text.slice(s, e), block, blockStart: s });
    start = end;
  };
  const re = /[.!?]+["'’”)\]]*(?=\s+["'‘“(*_`@#\-–—]?[\p{Lu}\d@])/gu;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (m[0][0] === '.' && m[0].length === 1) {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, at - 12), at))?.[1] ?? '';
      const word = before.toLowerCase();
      if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ''))) continue;
      if (/^\p{Lu}$/u.test(before)) continue; // an initial: "J. Smith"
    }
    emit(at + m[0].length);
  }
  emit(text.length);
  return out;
}
