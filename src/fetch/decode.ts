/**
 * Bytes → string: pick the charset (BOM, valid UTF-8, header, `<meta>`, default)
 * and decode with the built-in TextDecoder. The result is always NFC, because
 * legacy Vietnamese encodings (windows-1258) decode to decomposed text.
 */

/** Where the charset used for decoding came from. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'utf8-valid' | 'default';

export interface DecodedBody {
  /** The decoded text, NFC-normalised, without a BOM. */
  text: string;
  /** Canonical WHATWG encoding name used, e.g. `utf-8`, `windows-1258`. */
  charset: string;
  charsetSource: CharsetSource;
}

export interface ContentType {
  /** Lower-case `type/subtype`, or `null` when absent or malformed. */
  mediaType: string | null;
  /** Lower-case charset parameter without quotes, or `null`. */
  charset: string | null;
}

/** How much of the body we scan for a `<meta>` charset declaration. */
const META_SNIFF_BYTES = 4096;

const MEDIA_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+$/u;

/** Split a Content-Type header into its media type and charset parameter. */
export function parseContentType(header: string | null): ContentType {
  if (header == null) return { mediaType: null, charset: null };
  const [typePart = '', ...params] = header.split(';');
  const type = typePart.trim().toLowerCase();
  let charset: string | null = null;
  for (const param of params) {
    const equals = param.indexOf('=');
    if (equals === -1) continue;
    const name = param.slice(0, equals).trim().toLowerCase();
    if (name !== 'charset' || charset !== null) continue;
    const value = param
      .slice(equals + 1)
      .trim()
      .replace(/^["']|["']$/gu, '')
      .trim()
      .toLowerCase();
    if (value !== '') charset = value;
  }
  return { mediaType: MEDIA_TYPE.test(type) ? type : null, charset };
}

/**
 * Decode a response body. Order: a BOM wins; then bytes that are valid UTF-8 and
 * contain non-ASCII are UTF-8 whatever the labels say (a wrong label is more common
 * than legacy bytes that happen to be valid UTF-8); then the header charset; then a
 * `<meta>` charset in the first 4 KiB; else UTF-8 with replacement characters.
 * Unknown labels are ignored.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): DecodedBody {
  const bom = charsetFromBom(bytes);
  if (bom !== null) return decodeWith(bytes, bom, 'bom');

  if (hasNonAscii(bytes)) {
    const utf8 = decodeStrictUtf8(bytes);
    if (utf8 !== null) return { text: utf8.normalize('NFC'), charset: 'utf-8', charsetSource: 'utf8-valid' };
  }

  const fromHeader = canonicalEncoding(parseContentType(contentType).charset);
  if (fromHeader !== null) return decodeWith(bytes, fromHeader, 'header');

  const fromMeta = canonicalEncoding(sniffMetaCharset(bytes));
  if (fromMeta !== null) {
    // WHATWG: a <meta> can't truthfully declare UTF-16 (the meta itself was read as ASCII).
    const charset = fromMeta.startsWith('utf-16') ? 'utf-8' : fromMeta;
    return decodeWith(bytes, charset, 'meta');
  }

  return decodeWith(bytes, 'utf-8', 'default');
}

/** The charset named by a `<meta charset>` or `<meta http-equiv content="…charset=…">` near the top. */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  // Any single-byte decoding keeps ASCII intact, which is all the regex needs.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, META_SNIFF_BYTES));
  // An XML prolog (`<?xml version="1.0" encoding="windows-1258"?>`, feeds) counts too.
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head) ?? /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/iu.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The canonical encoding name for a label, or `null` when TextDecoder does not know it. */
function canonicalEncoding(label: string | null): string | null {
  if (label === null) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

/** The text when `bytes` are valid UTF-8, else `null`. */
function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeWith(bytes: Uint8Array, charset: string, charsetSource: CharsetSource): DecodedBody {
  const decoder = new TextDecoder(charset);
  return { text: decoder.decode(bytes).normalize('NFC'), charset: decoder.encoding, charsetSource };
}
