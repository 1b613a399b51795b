/**
 * Title cleaning: site suffixes (" - VnExpress", " | Báo Lao Động") are removed only
 * when the segment names the site, so a headline with a dash keeps its second half.
 */
import { cleanText } from '../../normalize/text.js';
import { publisherKey } from '../context.js';
import { hasAnyOf } from './has-any.js';

const SEPARATORS = /\s+[-|–—:»]\s+|\s*\|\s*/gu;
const SEPARATOR_CHARACTERS = '-|–—:»';

/**
 * Remove trailing (and leading) segments that name the publisher.
 * `isPublisher` says whether a segment is the site's name.
 */
export function cleanTitle(raw: string, isPublisher: (segment: string, trailing: boolean) => boolean): string | null {
  const text = cleanText(raw);
  if (text === null) return null;
  // Every separator holds one of these characters: without one the title is one segment.
  if (!hasAnyOf(text, SEPARATOR_CHARACTERS)) return text;
  const segments = splitSegments(text);
  if (segments.length === 1) return text;
  let start = 0;
  let end = segments.length;
  // Drop site-name segments from the end, and a section segment just before one ("… - Ảnh | … - VnExpress iOne").
  while (end - start > 1 && isPublisher(segments[end - 1]!.text, true)) end--;
  while (end - start > 1 && isPublisher(segments[start]!.text, false)) start++;
  if (end === segments.length && start === 0) return text;
  const first = segments[start]!;
  const last = segments[end - 1]!;
  return cleanText(text.slice(first.from, last.to));
}

interface Segment {
  text: string;
  from: number;
  to: number;
}

function splitSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let from = 0;
  // matchAll runs on a copy of the pattern: the shared one keeps lastIndex 0.
  for (const match of text.matchAll(SEPARATORS)) {
    segments.push({ text: text.slice(from, match.index), from, to: match.index });
    from = match.index + match[0].length;
  }
  segments.push({ text: text.slice(from), from, to: text.length });
  return segments.filter((s) => s.text.trim() !== '');
}

/**
 * A segment names the site when its folded form is a publisher name, or (for the
 * trailing segments only) contains a long one: "VnExpress iOne", "Báo Lao Động".
 * Short or partial matches never count: "Bộ Lao động", "Việt Nam", "Vovinam" are words
 * of headlines.
 */
export function segmentNamesSite(segment: string, publisherKeys: ReadonlySet<string>, trailing = true): boolean {
  const key = publisherKey(segment);
  if (key.length < 2) return false;
  if (publisherKeys.has(key)) return true;
  if (!trailing || segment.trim().split(/\s+/).length > 5) return false;
  for (const name of publisherKeys) {
    if (name.length >= 5 && key.includes(name) && startsLikeName(segment)) return true;
  }
  return false;
}

/** Outlet names are capitalised ("VnExpress iOne", "Báo Lao Động"), headline fragments often not. */
function startsLikeName(segment: string): boolean {
  return /^\p{Lu}/u.test(segment.trim());
}
