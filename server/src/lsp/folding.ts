import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { AnalysisResult } from '../core';
import { trimmedEnd } from './symbols';

/** Folding ranges: every section (subsections included), the frontmatter block and multi-line comments. */
export function foldingRanges(analysis: AnalysisResult): FoldingRange[] {
  const { model } = analysis;
  if (!model) return [];
  const line = (offset: number) => model.lines.position(offset).line;
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    const startLine = line(start);
    const endLine = line(end);
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  if (model.frontmatter) add(model.frontmatter.start, Math.max(model.frontmatter.start, model.frontmatter.end - 1));
  for (const section of model.allSections) add(section.start, trimmedEnd(model, section.start, section.end));
  for (const comment of model.comments) add(comment.start, comment.end, FoldingRangeKind.Comment);
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
