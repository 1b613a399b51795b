/**
 * `news export --format html`: one self-contained page to read — sections by language
 * (Tiếng Việt, English) and site, each item a linked title, "byline · date" and the
 * summary. No external assets: the CSS and a tiny script are inline, and a Content
 * Security Policy allows nothing else. Dates are written as `<time datetime>` with a
 * Vietnam-time fallback text; the script rewrites them in the reader's local time.
 * All page text is escaped, so a title holding `<script>` stays text.
 */
import { createHash } from 'node:crypto';
import type { GroupedItem, Item } from '../types.js';
import { formatDisplayDate } from './dates.js';
import type { ExportContext, ExportFormat, ExportRenderer } from './export-format.js';
import { feedTitle } from './feed-meta.js';
import { escapeMarkup, httpUrl } from './markup.js';
import { SectionTracker } from './sections.js';

const STYLE = `
:root { color-scheme: light dark; --muted: #5f6368; --line: #dadce0; --link: #1a4fb4; }
@media (prefers-color-scheme: dark) { :root { --muted: #a8adb3; --line: #3c4043; --link: #8ab4f8; } }
body { font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
header h1 { margin: 0 0 .25rem; font-size: 1.75rem; }
header p, footer p, .meta { color: var(--muted); font-size: .9rem; }
section.language > h2 { margin: 2.25rem 0 .5rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
section.site > h3 { margin: 1.5rem 0 .25rem; font-size: 1.05rem; color: var(--muted); }
ul.items { list-style: none; margin: 0; padding: 0; }
li.item { padding: .6rem 0; border-bottom: 1px solid var(--line); }
li.item:last-child { border-bottom: 0; }
a.title, span.title { font-weight: 600; font-size: 1.05rem; color: var(--link); text-decoration: none; overflow-wrap: anywhere; }
a.title:hover { text-decoration: underline; }
.meta { margin: .15rem 0 0; }
.summary { margin: .3rem 0 0; }
.also { margin: .2rem 0 0; color: var(--muted); font-size: .9rem; }
.also a { color: inherit; }
footer { margin-top: 2.5rem; border-top: 1px solid var(--line); }
`.trim();

/** Rewrites every `<time datetime>` in the reader's locale and time zone; marks the page when done. */
const SCRIPT = `
(function () {
  var format = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  var times = document.querySelectorAll('time[datetime]');
  for (var i = 0; i < times.length; i++) {
    var date = new Date(times[i].getAttribute('datetime'));
    if (isNaN(date.getTime())) continue;
    times[i].title = times[i].textContent;
    times[i].textContent = format.format(date);
  }
  document.documentElement.setAttribute('data-local-time', 'shown');
})();
`.trim();

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Nothing loads from anywhere; only our own inline style and script run. */
const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; base-uri 'none'; form-action 'none'`;

export const htmlFormat: ExportFormat = {
  order: 'grouped',
  create: (context) => createHtmlRenderer(context),
};

function createHtmlRenderer(context: ExportContext): ExportRenderer {
  const sections = new SectionTracker();
  const title = escapeMarkup(feedTitle(context));
  return {
    start: () =>
      [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        `<title>${title}</title>`,
        `<style>${STYLE}</style>`,
        '</head>',
        '<body>',
        '<header>',
        `<h1>${title}</h1>`,
        `<p>Generated ${timeElement(context.generatedAt)}</p>`,
        '</header>',
        '<main>',
        '',
      ].join('\n'),
    item: (item) => {
      const opened = sections.started;
      const change = sections.next(item);
      const parts: string[] = [];
      if (change.language !== null) {
        if (opened) parts.push(CLOSE_SITE, CLOSE_LANGUAGE);
        const { tag, key, heading } = change.language;
        parts.push(`<section class="language" lang="${tag}" id="lang-${key}" aria-labelledby="lang-${key}-heading">`, `<h2 id="lang-${key}-heading">${heading}</h2>`);
      } else if (change.site !== null) {
        parts.push(CLOSE_SITE);
      }
      if (change.site !== null) parts.push('<section class="site">', `<h3>${escapeMarkup(change.site)}</h3>`, '<ul class="items">');
      parts.push(htmlItem(item), '');
      return parts.join('\n');
    },
    end: (count) =>
      [
        count === 0 ? '<p class="empty">No items.</p>' : `${CLOSE_SITE}\n${CLOSE_LANGUAGE}`,
        '</main>',
        '<footer>',
        `<p>${count} item${count === 1 ? '' : 's'} · made by <code>news</code></p>`,
        '</footer>',
        `<script>${SCRIPT}</script>`,
        '</body>',
        '</html>',
        '',
      ].join('\n'),
  };
}

const CLOSE_SITE = '</ul>\n</section>';
const CLOSE_LANGUAGE = '</section>';

/** One `<li>`: linked title, byline · date, summary. */
export function htmlItem(item: Item | GroupedItem): string {
  const url = httpUrl(item.url);
  const title = escapeMarkup(item.title ?? item.url);
  const heading = url === null ? `<span class="title">${title}</span>` : `<a class="title" href="${escapeMarkup(url)}">${title}</a>`;
  const meta = [
    item.byline === null ? null : `<span class="byline">${escapeMarkup(item.byline)}</span>`,
    item.publishedAt === null ? null : timeElement(item.publishedAt),
  ].filter((part): part is string => part !== null);
  return [
    '<li class="item">',
    heading,
    meta.length === 0 ? null : `<p class="meta">${meta.join(' · ')}</p>`,
    item.summary === null ? null : `<p class="summary">${escapeMarkup(item.summary)}</p>`,
    alsoLine(item),
    '</li>',
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}

/** "also: <sources>" for a story's other reports (grouped exports), or `null`. */
function alsoLine(item: Item | GroupedItem): string | null {
  if (!('also' in item) || item.also.length === 0) return null;
  const links = item.also.map((link) => {
    const url = httpUrl(link.url);
    const source = escapeMarkup(link.source);
    return url === null ? source : `<a href="${escapeMarkup(url)}">${source}</a>`;
  });
  return `<p class="also">also: ${links.join(', ')}</p>`;
}

/** `<time datetime="ISO">2024-08-12 10:30 (GMT+7)</time>`: machine time plus a Vietnam-time fallback. */
function timeElement(iso: string): string {
  return `<time datetime="${escapeMarkup(iso)}">${escapeMarkup(formatDisplayDate(iso))}</time>`;
}
