/**
 * Lead image: og:image, Twitter card, JSON-LD image, <link rel=image_src>.
 */
import { resolveUrl } from '../../normalize/url.js';
import { jsonLdUrl } from '../jsonld.js';
import type { FieldSpec } from '../rules.js';
import { metaRule } from './common.js';

export const imageUrlField: FieldSpec = {
  rules: [
    metaRule('og:image', 'og:image', 'og:image:url', 'og:image:secure_url'),
    metaRule('twitter:image', 'twitter:image', 'twitter:image:src'),
    { name: 'json-ld', read: ({ article }) => (article === null ? null : jsonLdUrl(article['image'] ?? article['thumbnailUrl'])) },
    { name: 'link-image_src', read: ({ doc }) => doc.links.get('image_src') ?? [] },
  ],
  clean: (raw, { doc }) => resolveUrl(raw, doc.url),
};
