/**
 * Finding the article body: a known container first, else the element holding the
 * most paragraph text (old table layouts have no <article>).
 */
import type { Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { ExtractContext } from './context.js';

const BODY_SELECTORS = [
  '[itemprop="articleBody"]', '.article-body', '.article-content', '.content-detail', '.detail-content', '.fck_detail',
  '.article__body', '.singular-content', '.entry-content', '.post-content', '.noidung', '.news-content',
];

/** The article body element, or `null` when the page has no paragraphs. */
export function findBody({ doc, site }: ExtractContext): Cheerio<AnyNode> | null {
  const $ = doc.$;
  for (const selector of [...(site?.body ?? []), ...BODY_SELECTORS]) {
    const body = $(selector).first();
    if (body.length > 0 && body.find('p').length > 0) return body;
  }
  // The parent with the most paragraph text wins.
  const weight = new Map<Element, number>();
  let best: Element | null = null;
  let bestWeight = 0;
  $('p').each((_, p) => {
    const parent = p.parent;
    if (parent === null || parent.type !== 'tag') return;
    const element = parent as Element;
    const total = (weight.get(element) ?? 0) + $(p).text().length;
    weight.set(element, total);
    if (total > bestWeight) {
      best = element;
      bestWeight = total;
    }
  });
  return best === null || bestWeight < 200 ? null : $(best);
}
