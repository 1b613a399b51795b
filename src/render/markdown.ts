/**
 * The Markdown digest: grouped by language (Tiếng Việt, English, other), then by
 * site; each item a linked title, "byline · date" and the summary. All page text
 * is escaped so it cannot inject Markdown or HTML. Rendered item by item (items in
 * the store's `grouped` order) so a big digest streams.
 */
import type { GroupedItem, Item, StoryLink } from '../types.js';
import { formatDisplayDate } from './dates.js';
import { renderAll, type ExportContext, type ExportFormat, type ExportRenderer } from './export-format.js';
import { escapeMarkdown, markdownUrl } from './sanitize.js';
import { compareForDigest, SectionTracker } from './sections.js';

/** `news export --format md`. */
export const markdownFormat: ExportFormat = {
  order: 'grouped',
  create: (context) => createMarkdownRenderer(context),
};

/** The whole digest for items in memory (any order: they are grouped here). */
export function renderMarkdownDigest(items: readonly Item[], generatedAt: string): string {
  return renderAll(markdownFormat, [...items].sort(compareForDigest), { generatedAt, lang: null, source: null });
}

function createMarkdownRenderer(context: ExportContext): ExportRenderer {
  const sections = new SectionTracker();
  return {
    start: () => `# News digest\n\nGenerated ${formatDisplayDate(context.generatedAt)}\n`,
    item: (item) => {
      const change = sections.next(item);
      const lines: string[] = [];
      if (change.language !== null) lines.push('', `## ${change.language.heading}`);
      if (change.site !== null) lines.push('', `### ${escapeMarkdown(change.site)}`);
      lines.push('', ...renderItem(item));
      return `${lines.join('\n')}\n`;
    },
    end: (count) => (count === 0 ? '\n_No items._\n' : `\n_${count} item${count === 1 ? '' : 's'}._\n`),
  };
}

function renderItem(item: Item | GroupedItem): string[] {
  const title = escapeMarkdown(item.title ?? item.url);
  const url = markdownUrl(item.url);
  const lines = [url === null ? `- **${title}**` : `- [${title}](${url})`];
  const meta = [item.byline, item.publishedAt === null ? null : formatDisplayDate(item.publishedAt)]
    .filter((part): part is string => part !== null)
    .map((part) => escapeMarkdown(part));
  if (meta.length > 0) lines.push(`  ${meta.join(' · ')}`);
  if (item.summary !== null) lines.push(`  ${escapeMarkdown(item.summary)}`);
  if ('also' in item && item.also.length > 0) lines.push(`  also: ${item.also.map(alsoLink).join(', ')}`);
  return lines;
}

/** Another item of the story as a link named by its source: `[tuoitre.vn](https://…)`. */
function alsoLink(link: StoryLink): string {
  const source = escapeMarkdown(link.source);
  const url = markdownUrl(link.url);
  return url === null ? source : `[${source}](${url})`;
}
