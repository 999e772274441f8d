import { type Hover, MarkupKind } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { LineIndex, PostmortemModel, Section } from '../core';
import { categoryTitle, type RelatedIncident } from '../core/learning';
import { isInside, posixRelative } from '../core/service';
import type { RelatedRef } from '../protocol';
import { toRange } from './diagnostics';
import type { DocumentFiles } from './platform';

export function relatedReason(r: RelatedIncident): string {
  const parts = [
    ...r.sharedServices.map((s) => `service ${s}`),
    ...r.sharedCategories.map((c) => `cause: ${categoryTitle(c)}`),
  ];
  return parts.length > 0 ? parts.join(' · ') : `similar wording (${r.sharedTerms.slice(0, 3).join(', ')})`;
}

export function relatedRefs(
  related: readonly RelatedIncident[],
  folders: readonly string[],
  files: DocumentFiles,
): RelatedRef[] {
  const ops = files.host.path;
  return related.map((r) => {
    const path = files.pathOf(r.id);
    const folder = path ? folders.find((f) => isInside(ops, f, path)) : undefined;
    return {
      uri: r.id,
      title: r.title,
      relativePath: path && folder ? posixRelative(ops, folder, path) : URI.parse(r.id).path,
      date: r.date ?? null,
      severity: r.severity ?? null,
      score: r.score,
      sharedServices: r.sharedServices,
      sharedCategories: r.sharedCategories,
      reason: relatedReason(r),
      earlier: r.earlier,
      openActions: r.openActions,
    };
  });
}

/** The root-cause heading under the cursor, if any. */
export function rootCauseHeadingAt(model: PostmortemModel, offset: number): Section | undefined {
  return model.allSections.find((s) => s.kinds.includes('root-cause') && s.start <= offset && offset <= s.headingEnd);
}

/**
 * The root-cause heading's hover, with "Similar cause in N earlier postmortems" and the list (at most 5), added
 * below what the hover already says. Unchanged when there is none.
 */
export function withSimilarCauses(
  hover: Hover | null,
  similar: readonly RelatedIncident[],
  lines: LineIndex,
  heading: Section,
): Hover | null {
  if (similar.length === 0) return hover;
  const n = similar.length;
  const items = similar.slice(0, 5).map((r) => {
    const open = r.openActions > 0 ? `, ${r.openActions} open action${r.openActions === 1 ? '' : 's'}` : '';
    return `- [${escapeMd(r.title)}](${r.id}) (${r.date ?? 'undated'}): ${relatedReason(r)}${open}`;
  });
  const part = [`**Similar cause in ${n} earlier postmortem${n === 1 ? '' : 's'}**`, ...items].join('\n');
  const before = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  return {
    contents: { kind: MarkupKind.Markdown, value: before ? `${before}\n\n---\n\n${part}` : part },
    range: hover?.range ?? toRange(lines, heading.start, heading.headingEnd),
  };
}

const escapeMd = (text: string) => text.replace(/[\\`*_[\]<>]/g, '\\$&');
