// Every regular expression written in server/src: the literals (/…/flags) and the places that build one at run
// time (new RegExp(…)), found with the TypeScript parser so that a regex in a comment or a string is not counted.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface RegexSite {
  /** The file, relative to the repository root, and the 1-based line. */
  file: string;
  line: number;
  /** For a literal: its source and flags. */
  source?: string;
  flags?: string;
  /** For new RegExp(…): the expression as written. */
  dynamic?: string;
}

const ROOT = join(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

export function regexSites(folder = 'server/src'): RegexSite[] {
  const sites: RegexSite[] = [];
  for (const path of tsFiles(join(ROOT, folder)).sort()) {
    const file = relative(ROOT, path);
    const source = ts.createSourceFile(file, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const end = text.lastIndexOf('/');
        sites.push({ file, line: lineOf(node), source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp') {
        sites.push({ file, line: lineOf(node), dynamic: node.getText().replace(/\s+/g, ' ') });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}
