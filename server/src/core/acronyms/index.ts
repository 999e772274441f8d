import type { Nodes, Parents } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { BRAND_WORDS } from '../blame/lexicon/products';
import { BlockCache, forEachBlock } from '../incremental/blocks';
import { memoizeText } from '../incremental/memo';
import type { PostmortemModel, Section } from '../model';
import { stripHtmlComments } from '../text';
import { parseZone } from '../timeline/zones';
import { ENGLISH_WORDS } from './english-words';
import { KNOWN_ACRONYMS } from './known';
import { acronymOf, isAcronymShape } from './shape';

export { acronymOf, isAcronymShape } from './shape';

/** One use of an acronym: the acronym (plural "s" dropped) and where it is written. */
export interface AcronymUse {
  acronym: string;
  start: number;
  end: number;
}

let known: Set<string> | undefined;
let brands: Set<string> | undefined;
let englishWords: Set<string> | undefined;

/** The generated list of widely known acronyms (lower case). */
export function knownAcronyms(): ReadonlySet<string> {
  known ??= new Set(KNOWN_ACRONYMS.trim().split(/\s+/));
  return known;
}

/** Headings of the sections that introduce a document's terms. */
const GLOSSARY_HEADING =
  /\b(?:glossary|terminology|terms|definitions?|abbreviations|acronyms|background|context|key concepts)\b/i;
/** Of those, the ones that are lists of terms, where the quick fix adds entries. */
const TERMS_HEADING = /\b(?:glossary|terminology|terms|definitions?|abbreviations|acronyms)\b/i;

/** Units written in capitals: sizes, rates, frequencies. */
const UNIT = /^(?:[KMGTPE]I?B|[KMGTP]I?BPS|[KMGT]HZ|[RQT]PS|IOPS)$/;
/** Roman numerals ("Phase II"), severity and priority labels ("SEV1"). */
const NOT_ACRONYM = /^(?:[IVXLCDM]+|SEV\d*|P\d)$/;

/** Words of an acronym-shaped token, with their offsets in `text` (one text node's source). */
const TOKEN = /[A-Za-z0-9]+(?:[-_./:@'’][A-Za-z0-9]+)*/g;

/**
 * The acronym-shaped words of the document's prose: text of paragraphs, headings, lists and tables, not code,
 * HTML, link targets, bare URLs, frontmatter, link definitions or block quotes (a pasted chat log), nor an acronym
 * alone in a list item or table cell (a list of names). Tokens holding a dot, slash, colon, @ or
 * underscore (versions, paths, URLs, identifiers) and ticket ids ("PROJ-123", "CVE-2021-44228") are skipped; a
 * hyphenated compound gives its parts ("DNS-based").
 */
export function acronymUses(model: PostmortemModel): AcronymUse[] {
  // Kept per block of the tree from version to version (issue 11): a block's uses depend on its subtree only.
  const uses: AcronymUse[] = [];
  forEachBlock(model.tree, (node) => {
    const kept = blockUses.get(node, model.text);
    const by = blockUses.by;
    for (let i = 0; i < kept.length; i++) {
      const u = kept[i];
      uses.push(by === 0 ? u : { acronym: u.acronym, start: u.start + by, end: u.end + by });
    }
  });
  return uses;
}

// Kept where they were found: moved to where their block is when read (`by`).
const blockUses = new BlockCache<readonly AcronymUse[]>((node, text) => usesIn(node, text));

/** The uses in one node (the root, or any node whose ancestors are the root and lists). */
function usesIn(root: Nodes, source: string): AcronymUse[] {
  const uses: AcronymUse[] = [];
  const visit = (node: Nodes) => {
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'html':
      case 'yaml':
      case 'definition':
      case 'footnoteDefinition':
      case 'image':
      case 'imageReference':
      case 'blockquote': // quoted words (a chat log, an email) are not the author's to explain
        return;
      case 'listItem':
      case 'tableCell':
        // An acronym alone in a list item or cell is a name in a list ("- BSC", participants' initials).
        if (
          isAcronymShape(
            mdastToString(node)
              .trim()
              .replace(/[.,;:]$/, ''),
          )
        )
          return;
        break;
      case 'text': {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start !== undefined && end !== undefined) scanText(source.slice(start, end), start, uses);
        return;
      }
      case 'link': {
        // A bare URL written as a link ("<https://…>", GFM autolinks) says nothing in words.
        const label = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
        if (label === node.url || `mailto:${label}` === node.url) return;
        break;
      }
      default:
        if ((node as { type: string }).type === 'toml') return;
    }
    if ('children' in node) for (const child of (node as Parents).children) visit(child as Nodes);
  };
  visit(root);
  return uses;
}

function scanText(text: string, offset: number, out: AcronymUse[]): void {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const token = m[0];
    if (/[_./:@]/.test(token)) continue;
    if (/^[A-Za-z][A-Za-z0-9]*-\d/.test(token)) continue; // PROJ-123, SEV-1, CVE-2021-44228
    let at = m.index;
    for (const part of token.split(/[-'’]/)) {
      if (isAcronymShape(part))
        out.push({ acronym: acronymOf(part), start: offset + at, end: offset + at + part.length });
      at += part.length + 1;
      if (token.includes("'") || token.includes('’')) break; // "API's": the first part only
    }
  }
}

/**
 * Whether an acronym needs no definition: widely known (the generated list, from WordNet, the Hunspell English
 * dictionary and cspell's software dictionaries), given in config, a unit, a timezone, a product name (simple-icons),
 * a roman numeral or severity label, or an English word in capitals ("NOT", "ASAP": wink-nlp's vocabulary, listed in
 * english-words.ts, so that this rule does not load the NLP model).
 */
export function isWidelyKnown(acronym: string, extra: ReadonlySet<string>): boolean {
  const lower = acronym.toLowerCase();
  // Without its number: "HTTP2" is HTTP's.
  let cut = lower.length;
  while (cut > 0 && lower[cut - 1] >= '0' && lower[cut - 1] <= '9') cut--;
  const bare = lower.slice(0, cut);
  if (knownAcronyms().has(lower) || (bare.length >= 2 && knownAcronyms().has(bare))) return true;
  if (extra.has(lower)) return true;
  if (UNIT.test(acronym) || NOT_ACRONYM.test(acronym)) return true;
  if (parseZone(acronym)) return true;
  brands ??= new Set(BRAND_WORDS.trim().split(/\s+/));
  if (brands.has(lower)) return true;
  englishWords ??= new Set(ENGLISH_WORDS.trim().split(/\s+/));
  return englishWords.has(lower);
}

/**
 * Whether `phrase` can be what `acronym` stands for, after Schwartz and Hearst's test for abbreviation definitions
 * (2003): the acronym's letters appear in the phrase in order, read from the end, its first letter starting a word
 * of the phrase ("payment gateway" for PGW, "Point of Presence" for POP), in no more words than it has letters
 * plus five (nor twice as many).
 */
export function expands(acronym: string, phrase: string): boolean {
  const short = acronym.toLowerCase().replace(/[^a-z0-9]/g, '');
  const long = phrase.toLowerCase().trim();
  const words = long.match(/[a-z0-9]+/g) ?? [];
  if (short.length < 2 || (words.length < 2 && !/[A-Z].*[A-Z]/.test(phrase))) return false;
  if (words.length > Math.min(short.length + 5, short.length * 2)) return false;
  let l = long.length - 1;
  for (let s = short.length - 1; s >= 0; s--) {
    const c = short[s];
    // The first letter must start a word; the others may be anywhere before the previous match.
    while (l >= 0 && (long[l] !== c || (s === 0 && l > 0 && /[a-z0-9]/.test(long[l - 1])))) l--;
    if (l < 0) return false;
    l--;
  }
  return true;
}

/** A definition list or glossary line: "MTTR: mean time to recovery", "- **POP** – point of presence", "| SLO | … |". */
const DEFINITION_LINE =
  /^[ \t]{0,3}(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?(?:\*\*|__|\*|_|`)?([A-Z][A-Za-z0-9]{1,10})(?:\*\*|__|\*|_|`)?[ \t]*(?::|=|-|–|—)[ \t]*\S/;
const TABLE_DEFINITION = /^[ \t]*\|[ \t]*(?:\*\*|__|`)?([A-Z][A-Za-z0-9]{1,10})(?:\*\*|__|`)?[ \t]*\|[ \t]*[^|\s]/;
/** "MTTR stands for …", "MTTR, short for …", "MTTR means …". */
const STANDS_FOR =
  /^,?\s{1,4}(?:stands\s{1,4}for|means|is\s{1,4}short\s{1,4}for|short\s{1,4}for|is\s{1,4}an?\s{1,4}(?:acronym|abbreviation)\s{1,4}for)\b/i;

/** The sections that introduce the document's terms: a glossary, terminology, definitions or background. */
export function glossarySections(model: PostmortemModel, listsOnly = false): Section[] {
  const pattern = listsOnly ? TERMS_HEADING : GLOSSARY_HEADING;
  return [...model.allSections, ...model.implicitSections].filter((s) => pattern.test(s.heading));
}

/**
 * The acronyms the document defines: "Mean Time To Recovery (MTTR)" (the acronym in parentheses after words),
 * "MTTR (mean time to recovery)" (a parenthesis whose initials spell it), "MTTR stands for …", a definition line
 * ("MTTR: …", "- **MTTR** – …", a table row "| MTTR | … |", "MTTR" then ": …" on the next line), or a line that
 * says more than the acronym in a glossary, terminology, definitions or background section. Upper case.
 */
export function definedAcronyms(model: PostmortemModel, uses: readonly AcronymUse[]): Set<string> {
  const { text } = model;
  const defined = new Set<string>();
  for (const use of uses) {
    const before = text.slice(Math.max(0, use.start - 1), use.start);
    const after = text.slice(use.end, use.end + 160);
    const plural = text.slice(use.start, use.end) !== use.acronym ? 1 : 0;
    const rest = after.slice(plural);
    // "Mean Time To Recovery (MTTR)": the words before the parenthesis.
    if (before === '(' && /^\s*[),;]/.test(after)) {
      const lead = text.slice(Math.max(0, use.start - 120), use.start - 1);
      if (/[A-Za-z]/.test(lead)) defined.add(use.acronym);
      continue;
    }
    const paren = /^[ \t]?\(([^()\n]{3,120})\)/.exec(rest);
    if (paren && expands(use.acronym, paren[1])) defined.add(use.acronym);
    else if (STANDS_FOR.test(rest)) defined.add(use.acronym);
  }
  const raw = text.split('\n');
  const lines = raw.map((line) => (line.includes('<!--') ? stripHtmlComments(line, ' ') : line));
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of raw) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  lines.forEach((line, i) => {
    const { term, alone } = lineDefinition(line);
    if (term) defined.add(term);
    // A term alone on its line, then ": definition" (a definition list).
    if (alone && /^[ \t]*:[ \t]+\S/.test(lines[i + 1] ?? '')) defined.add(alone);
  });
  // A glossary or background section: an acronym on a line that says more than it.
  for (const section of glossarySections(model)) {
    for (const use of uses) {
      if (use.start < section.headingEnd || use.start >= section.end) continue;
      const line = lineOf(lineStarts, use.start);
      const words = (lines[line].match(/[A-Za-z0-9]+/g) ?? []).filter((w) => acronymOf(w) !== use.acronym);
      if (words.length >= 2) defined.add(use.acronym);
    }
  }
  return defined;
}

/**
 * What one line defines: the acronym of a definition line or table row, and a term alone on the line (defined if
 * the next line opens with ": "). Cached per line (most lines of a long document come back after an edit).
 */
const lineDefinition = memoizeText((line: string): { term?: string; alone?: string } => {
  const out: { term?: string; alone?: string } = {};
  const m = DEFINITION_LINE.exec(line) ?? TABLE_DEFINITION.exec(line);
  if (m && isAcronymShape(m[1])) out.term = acronymOf(m[1]);
  const alone = /^[ \t]*([A-Z][A-Za-z0-9]{1,10})[ \t]*\r?$/.exec(line);
  if (alone && isAcronymShape(alone[1])) out.alone = acronymOf(alone[1]);
  return out;
});

/** The index of the line holding `offset` (binary search over the lines' start offsets). */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The acronyms a postmortem uses without defining them that are not widely known: the first use of each, in order. */
export function unexplainedAcronyms(model: PostmortemModel, extraKnown: readonly string[] = []): AcronymUse[] {
  const extra = new Set(extraKnown.map((k) => acronymOf(k.trim()).toLowerCase()));
  const uses = acronymUses(model);
  const defined = definedAcronyms(model, uses);
  const verdict = new Map<string, boolean>();
  const out: AcronymUse[] = [];
  for (const use of uses) {
    if (verdict.has(use.acronym)) continue;
    const unexplained = !defined.has(use.acronym) && !isWidelyKnown(use.acronym, extra);
    verdict.set(use.acronym, unexplained);
    if (unexplained) out.push(use);
  }
  return out;
}
