import { type AnalysisInput, type AnalysisResult, analyze } from '../analyze';
import type { ResolvedConfig } from '../config';
import type { PostmortemModel } from '../model';
import type { AnyRule } from '../rule';
import type { TextEdit } from '../types';
import type { TextChange } from './edit';
import { IncrementalParser, type ParseOutcome } from './parse';
import { linkVersion } from './timeline';

export interface IncrementalResult extends AnalysisResult {
  /** How the tree was made (undefined when the text was not parsed: input/not-analysed). */
  parse?: ParseOutcome;
}

/**
 * One document's analysis kept from version to version: `update(text, change?)` gives the same result as
 * `analyze(text, config, rules, input)` (test/static/incremental.test.ts proves it on the corpus), re-parsing only
 * the blocks around the edit (incremental/parse.ts). The new tree shares the unchanged nodes with the previous one,
 * and the nodes after the edit are moved in place: a previous result's tree and model describe their text only until
 * the next `update` (findings are plain data and stay valid).
 */
export class IncrementalAnalyzer {
  private readonly parser = new IncrementalParser();
  private lastText: string | undefined;
  /** The model of the last version, built from the parser's last tree (undefined when there is none). */
  private lastModel: PostmortemModel | undefined;

  constructor(
    private config: ResolvedConfig,
    private readonly rules: readonly AnyRule[],
    private input: AnalysisInput = {},
  ) {}

  /** A new config (the rules' options and synonyms); the tree is kept, it does not depend on the config. */
  setConfig(config: ResolvedConfig): void {
    this.config = config;
  }

  /** New workspace input (the other incidents). */
  setInput(input: AnalysisInput): void {
    this.input = input;
  }

  /** Forgets the previous version: the next update parses in full. */
  reset(): void {
    this.parser.reset();
    this.lastText = undefined;
    this.lastModel = undefined;
  }

  /**
   * Analyses the new text. `change` (offset, deleted length, inserted text, from the previous text given to
   * `update`) spares the comparison of the two texts; it is checked, and computed when wrong or absent.
   */
  update(text: string, change?: TextChange | TextEdit): IncrementalResult {
    // The parser checks the change against the texts (and computes it when it does not apply).
    const edit = change && this.lastText !== undefined && typeof text === 'string' ? toChange(change) : undefined;
    this.lastText = typeof text === 'string' ? text : undefined;
    let parse: ParseOutcome | undefined;
    const previous = this.lastModel;
    this.lastModel = undefined;
    const result = analyze(text, this.config, this.rules, this.input, {
      parse: (t) => {
        parse = this.parser.parse(t, edit);
        return parse.tree;
      },
      built: (model) => {
        // A tree made from the previous model's: what is kept with that model's results may be taken over.
        if (previous && parse && parse.mode !== 'full') {
          linkVersion(model, { previous, window: parse.window, delta: text.length - previous.text.length });
        }
      },
    });
    this.lastModel = result.model;
    if (!result.model) this.parser.reset();
    return { ...result, parse };
  }
}

/** A change given as a `TextEdit` (start, end, text) is one too (the parser checks that it applies). */
function toChange(change: TextChange | TextEdit): TextChange {
  return 'start' in change
    ? { offset: change.start, deleted: change.end - change.start, inserted: change.text }
    : change;
}
