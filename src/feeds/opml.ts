/**
 * OPML subscription lists: import (`sources import FILE.opml`) and export
 * (`sources export`), through feedsmith. Pure: text in, values out.
 */
import { generateOpml, parseOpml as parseOpmlDocument, type Opml } from 'feedsmith';
import { UsageError } from '../errors.js';
import { cleanText } from '../normalize/text.js';
import { resolveUrl } from '../normalize/url.js';

/** Our own outline attribute: the kind of a source that is not a feed (`listing`, `page`). */
const KIND_ATTRIBUTE = 'newsKind';
const EXTRA = [KIND_ATTRIBUTE] as const;

type Outline = Opml.Outline<string, typeof EXTRA>;

/** The one outline of an export with no sources. */
const EMPTY_NOTE = 'No subscriptions';

/** One subscription read from an OPML file. */
export interface OpmlSource {
  /** The outline's `text` (else `title`); `null` when it is empty or just the URL. */
  title: string | null;
  /** Absolute http(s) URL of the source: the feed's `xmlUrl`. */
  url: string;
  /** The site's page (`htmlUrl`), absolute, or `null`. */
  siteUrl: string | null;
  /** The outline's `language` attribute, raw, or `null`. */
  lang: string | null;
  /** `feed` for a feed outline; the kind we exported for a listing or page source. */
  kind: string;
}

/** A source to export. */
export interface OpmlExportSource {
  title: string | null;
  url: string;
  siteUrl: string | null;
  /** `feed` (the default) or another source kind (`listing`, `page`). */
  kind?: string;
  lang?: string | null;
}

/**
 * The subscriptions in an OPML document, in document order. Nested outlines
 * (category folders) are flattened; an outline counts when it has an http(s)
 * `xmlUrl`, or is a `type="link"` outline carrying our `newsKind` attribute (how
 * `renderOpml` writes sources that are not feeds). The same URL twice is kept once.
 *
 * @throws UsageError when the text is not an OPML document.
 */
export function parseOpml(text: string): OpmlSource[] {
  let document: Opml.Document<string, typeof EXTRA>;
  try {
    document = parseOpmlDocument(text.replace(/^\ufeff/u, ''), { extraOutlineAttributes: EXTRA });
  } catch {
    throw new UsageError('not an OPML document (expected <opml> with <body> outlines)');
  }
  const sources: OpmlSource[] = [];
  const visit = (outlines: ReadonlyArray<Outline> | undefined): void => {
    for (const outline of outlines ?? []) {
      const source = sourceOf(outline);
      if (source !== null && !sources.some((known) => known.url === source.url)) sources.push(source);
      visit(outline.outlines);
    }
  };
  visit(document.body?.outlines);
  return sources;
}

/** The subscription an outline stands for, or `null` for a folder, a note or a bad URL. */
function sourceOf(outline: Outline): OpmlSource | null {
  const kind = cleanText(stringOf(outline[KIND_ATTRIBUTE]));
  const href = outline.xmlUrl ?? (outline.type?.toLowerCase() === 'link' && kind !== null ? outline.url : undefined);
  const url = resolveUrl(href ?? null, null);
  if (url === null) return null;
  const title = cleanText(outline.text) ?? cleanText(outline.title);
  return {
    title: title === null || title === href?.trim() || title === url ? null : title,
    url,
    siteUrl: resolveUrl(outline.htmlUrl ?? null, url),
    lang: cleanText(outline.language),
    kind: outline.xmlUrl !== undefined ? (kind ?? 'feed') : (kind ?? 'page'),
  };
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * An OPML 2.0 document listing `sources`, values XML-escaped. Feeds are `type="rss"`
 * outlines with `xmlUrl` (what every feed reader imports); other kinds are
 * `type="link"` outlines with `url` and `newsKind`, which other readers ignore and
 * `parseOpml` reads back. A source without a title uses its URL as the required `text`.
 * An empty list is written with one note outline (OPML needs at least one outline).
 */
export function renderOpml(
  sources: ReadonlyArray<OpmlExportSource>,
  options: { title: string; generatedAt: string },
): string {
  const outlines: Outline[] = sources.map((source) => {
    const kind = source.kind ?? 'feed';
    const shared = {
      text: source.title ?? source.url,
      title: source.title ?? undefined,
      htmlUrl: source.siteUrl ?? undefined,
      language: source.lang ?? undefined,
    };
    return kind === 'feed'
      ? { ...shared, type: 'rss', xmlUrl: source.url }
      : { ...shared, type: 'link', url: source.url, [KIND_ATTRIBUTE]: kind };
  });
  // OPML 2.0 wants at least one outline (feedsmith refuses an empty body): an empty
  // list gets a note, which has no URL and so imports as nothing.
  if (outlines.length === 0) outlines.push({ text: EMPTY_NOTE });
  return generateOpml(
    { head: { title: options.title, dateCreated: options.generatedAt }, body: { outlines } },
    { extraOutlineAttributes: EXTRA },
  );
}
