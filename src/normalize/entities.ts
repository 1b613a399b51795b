/**
 * Entities left in text by pages that encode twice. Kept apart from text.ts so that
 * commands that never decode HTML (list, search, export) do not load `entities`.
 */
import { decodeHTML } from 'entities';

/** An HTML entity left in text that was encoded twice (`&amp;quot;` in a meta tag). */
const RESIDUAL_ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/iu;

/** Decode entities once more when a value still carries them (meta and JSON-LD values). */
export function decodeResidualEntities(value: string): string {
  return RESIDUAL_ENTITY.test(value) ? decodeHTML(value) : value;
}
