/**
 * Reading JSON-LD values: the Article object, names, dates and URLs in their many shapes.
 */
import { decodeResidualEntities } from '../normalize/entities.js';
import type { JsonLdObject } from '../parse/document.js';

export type { JsonLdObject } from '../parse/document.js';

const ARTICLE_TYPES = [
  'NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'BlogPosting', 'LiveBlogPosting', 'ScholarlyArticle', 'TechArticle', 'Report',
];

/** Whether a JSON-LD object's `@type` (a string or a list) is one of `types`. */
export function hasJsonLdType(object: JsonLdObject, types: readonly string[]): boolean {
  const type = object['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.some((t) => typeof t === 'string' && types.includes(t));
}

/** The first Article-like object (NewsArticle, BlogPosting, …), or `null`. */
export function articleObject(objects: readonly JsonLdObject[]): JsonLdObject | null {
  return objects.find((object) => hasJsonLdType(object, ARTICLE_TYPES)) ?? null;
}

/** A JSON-LD text value (string, number, or `{ "@value": … }`), else `null`. */
export function jsonLdText(value: unknown): string | null {
  if (typeof value === 'string') return decodeResidualEntities(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length > 0 ? jsonLdText(value[0]) : null;
  if (value !== null && typeof value === 'object') {
    const inner = (value as JsonLdObject)['@value'];
    if (inner !== undefined) return jsonLdText(inner);
  }
  return null;
}

/** Names from a person/organisation value: a string, an object with `name`, or an array. */
export function jsonLdNames(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((entry) => jsonLdNames(entry));
  if (typeof value === 'object') {
    const name = jsonLdText((value as JsonLdObject)['name']);
    return name !== null ? [name] : [];
  }
  return [];
}

/** Person names only: organisations in `author` are publishers, not bylines. */
export function jsonLdPersonNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((entry) => jsonLdPersonNames(entry));
  if (value !== null && typeof value === 'object' && hasJsonLdType(value as JsonLdObject, ['Organization', 'NewsMediaOrganization'])) return [];
  return jsonLdNames(value);
}

/** A URL from a string, an ImageObject-like `{ url }`, or an array of either. */
export function jsonLdUrl(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length > 0 ? jsonLdUrl(value[0]) : null;
  if (value !== null && typeof value === 'object') {
    const object = value as JsonLdObject;
    return jsonLdUrl(object['url'] ?? object['@id'] ?? object['contentUrl']);
  }
  return null;
}
