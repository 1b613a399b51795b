import { describe, expect, it } from 'vitest';
import { decodeBody, parseContentType, sniffMetaCharset } from '../../src/fetch/decode.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));

/** "Tiếng Việt" in windows-1258: base letters, then combining tone marks (0xEC acute, 0xF2 dot below). */
const TIENG_VIET_1258 = [...ascii('Ti'), 0xea, 0xec, ...ascii('ng Vi'), 0xea, 0xf2, ...ascii('t')];
/** "Đà Nẵng, thơ" in windows-1258: Đ=0xD0, grave 0xCC, ă=0xE3, tilde 0xDE, ơ=0xF5. */
const DA_NANG_1258 = [0xd0, 0x61, 0xcc, ...ascii(' N'), 0xe3, 0xde, ...ascii('ng, th'), 0xf5];

function utf16(text: string, littleEndian: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out.push(...(littleEndian ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  }
  return out;
}

describe('windows-1258 fixtures', () => {
  it('are the bytes we think they are', () => {
    const decoder = new TextDecoder('windows-1258');
    expect(decoder.decode(Uint8Array.from(TIENG_VIET_1258)).normalize('NFC')).toBe('Tiếng Việt');
    expect(decoder.decode(Uint8Array.from(DA_NANG_1258)).normalize('NFC')).toBe('Đà Nẵng, thơ');
  });
});

describe('decodeBody', () => {
  const cases: {
    name: string;
    input: Uint8Array;
    contentType: string | null;
    text: string;
    charset: string;
    source: string;
  }[] = [
    {
      name: 'UTF-8 BOM beats a wrong header',
      input: bytes([0xef, 0xbb, 0xbf], 'Việt Nam'),
      contentType: 'text/html; charset=iso-8859-1',
      text: 'Việt Nam',
      charset: 'utf-8',
      source: 'bom',
    },
    {
      name: 'UTF-16LE BOM',
      input: bytes([0xff, 0xfe], utf16('Hà Nội', true)),
      contentType: 'text/html; charset=utf-8',
      text: 'Hà Nội',
      charset: 'utf-16le',
      source: 'bom',
    },
    {
      name: 'UTF-16BE BOM',
      input: bytes([0xfe, 0xff], utf16('Huế', false)),
      contentType: null,
      text: 'Huế',
      charset: 'utf-16be',
      source: 'bom',
    },
    {
      name: 'valid UTF-8 beats a wrong iso-8859-1 header',
      input: utf8('<p>Tiếng Việt</p>'),
      contentType: 'text/html; charset=iso-8859-1',
      text: '<p>Tiếng Việt</p>',
      charset: 'utf-8',
      source: 'utf8-valid',
    },
    {
      name: 'valid UTF-8 beats a wrong meta',
      input: utf8('<meta charset="windows-1258"><p>Đà Nẵng</p>'),
      contentType: 'text/html',
      text: '<meta charset="windows-1258"><p>Đà Nẵng</p>',
      charset: 'utf-8',
      source: 'utf8-valid',
    },
    {
      name: 'pure ASCII keeps the declared legacy charset',
      input: utf8('<p>Hello</p>'),
      contentType: 'text/html; charset=windows-1258',
      text: '<p>Hello</p>',
      charset: 'windows-1258',
      source: 'header',
    },
    {
      name: 'header charset for legacy bytes',
      input: bytes('caf', [0xe9]),
      contentType: 'text/html; charset="ISO-8859-1"',
      text: 'café',
      charset: 'windows-1252',
      source: 'header',
    },
    {
      name: 'header beats meta',
      input: bytes('<meta charset="windows-1258">', [0xf5]),
      contentType: 'text/html; charset=windows-1252',
      text: '<meta charset="windows-1258">õ',
      charset: 'windows-1252',
      source: 'header',
    },
    {
      name: 'meta charset, windows-1258 decoded and composed to NFC',
      input: bytes('<html><head><meta charset="windows-1258"></head><p>', TIENG_VIET_1258, '</p>'),
      contentType: 'text/html',
      text: '<html><head><meta charset="windows-1258"></head><p>Tiếng Việt</p>',
      charset: 'windows-1258',
      source: 'meta',
    },
    {
      name: 'meta http-equiv content charset',
      input: bytes(
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">',
        DA_NANG_1258,
      ),
      contentType: null,
      text: '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">Đà Nẵng, thơ',
      charset: 'windows-1258',
      source: 'meta',
    },
    {
      name: 'unknown header label falls through to meta',
      input: bytes("<META CHARSET='windows-1252'>", [0xe9]),
      contentType: 'text/html; charset=x-klingon',
      text: "<META CHARSET='windows-1252'>é",
      charset: 'windows-1252',
      source: 'meta',
    },
    {
      name: 'meta declaring UTF-16 means UTF-8',
      input: bytes('<meta charset="utf-16">', [0xe9]),
      contentType: null,
      text: '<meta charset="utf-16">\ufffd',
      charset: 'utf-8',
      source: 'meta',
    },
    {
      name: 'no label and invalid UTF-8: UTF-8 with replacement',
      input: bytes('caf', [0xe9]),
      contentType: null,
      text: 'caf\ufffd',
      charset: 'utf-8',
      source: 'default',
    },
    {
      name: 'unknown labels only: UTF-8',
      input: bytes('<meta charset="nope">ok'),
      contentType: 'text/html; charset=bogus',
      text: '<meta charset="nope">ok',
      charset: 'utf-8',
      source: 'default',
    },
    {
      name: 'empty body',
      input: new Uint8Array(0),
      contentType: null,
      text: '',
      charset: 'utf-8',
      source: 'default',
    },
  ];

  it.each(cases)('$name', ({ input, contentType, text, charset, source }) => {
    expect(decodeBody(input, contentType)).toEqual({ text, charset, charsetSource: source });
  });

  it('composes NFD UTF-8 input to NFC', () => {
    const decomposed = 'Nguyễn Lưu Trung, Đà Nẵng'.normalize('NFD');
    expect(decomposed).not.toBe(decomposed.normalize('NFC'));
    const { text } = decodeBody(utf8(decomposed), 'text/html; charset=utf-8');
    expect(text).toBe('Nguyễn Lưu Trung, Đà Nẵng'.normalize('NFC'));
    expect(text.length).toBe(25);
  });

  it('only sniffs <meta> in the first 4 KiB', () => {
    const late = bytes(' '.repeat(4096), '<meta charset="windows-1252">', [0xe9]);
    expect(decodeBody(late, null).charsetSource).toBe('default');
    expect(sniffMetaCharset(late)).toBeNull();
    const early = bytes(' '.repeat(4000), '<meta charset="windows-1252">', [0xe9]);
    expect(sniffMetaCharset(early)).toBe('windows-1252');
  });
});

describe('parseContentType', () => {
  it.each([
    { header: 'text/html; charset=UTF-8', mediaType: 'text/html', charset: 'utf-8' },
    { header: 'Text/HTML;Charset="windows-1258"', mediaType: 'text/html', charset: 'windows-1258' },
    { header: 'application/xhtml+xml', mediaType: 'application/xhtml+xml', charset: null },
    { header: 'text/html; foo=bar; charset=iso-8859-1', mediaType: 'text/html', charset: 'iso-8859-1' },
    { header: 'text/html; charset=', mediaType: 'text/html', charset: null },
    { header: 'application/pdf', mediaType: 'application/pdf', charset: null },
    { header: 'html', mediaType: null, charset: null },
    { header: '', mediaType: null, charset: null },
    { header: null, mediaType: null, charset: null },
  ])('$header', ({ header, mediaType, charset }) => {
    expect(parseContentType(header)).toEqual({ mediaType, charset });
  });
});

describe('XML encoding declarations (feeds)', () => {
  it('decodes a windows-1258 feed declared only in its XML prolog', () => {
    const head = Buffer.from('<?xml version="1.0" encoding="windows-1258"?><rss><channel><title>Gi');
    const bytes = Buffer.concat([head, Buffer.from([0xe1, 0x20, 0x76, 0xe0, 0x6e, 0x67]), Buffer.from('</title></channel></rss>')]);
    const decoded = decodeBody(bytes, 'application/rss+xml');
    expect(decoded.charset).toBe('windows-1258');
    expect(decoded.text).toBe('<?xml version="1.0" encoding="windows-1258"?><rss><channel><title>Giá vàng</title></channel></rss>');
  });
});
