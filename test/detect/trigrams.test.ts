import { francAll } from 'franc';
import { describe, expect, it } from 'vitest';
import { toModelForm, trigramLanguage } from '../../src/detect/trigrams.js';

describe('toModelForm', () => {
  it('keeps vowel marks composed and moves tone marks out as combining characters', () => {
    // ậ = â + dot below; ừ = ư + grave; đ has no decomposition.
    expect(toModelForm('ậ')).toBe('â\u0323');
    expect(toModelForm('người')).toBe('ngươ\u0300i');
    expect(toModelForm('đường')).toBe('đươ\u0300ng');
    expect(toModelForm('Hà Nội'.normalize('NFD'))).toBe('Ha\u0300 Nô\u0323i');
    expect(toModelForm('the quick fox')).toBe('the quick fox');
  });
});

describe('trigramLanguage', () => {
  it.each([
    ['Providing information to the press is the responsibility of the top leader', 'en'],
    ['Lào Cai có người phát ngôn báo chí mới', 'vi'],
    ['UBND tỉnh Lào Cai vừa ban hành quyết định ủy quyền phát ngôn', 'vi'],
    ['Nguoi dan do ve que an Tet', 'vi'],
    ['Storm Koto weakens to tropical depression', 'en'],
  ])('%s → %s', (text, expected) => {
    const result = trigramLanguage(text);
    expect(result?.lang).toBe(expected);
    expect(result?.gap).toBeGreaterThan(0);
  });

  it.each([['short'], ['1234567890123'], ['Привет мир, как дела у вас'], ['']])('%j → null', (text) => {
    expect(trigramLanguage(text)).toBeNull();
  });

  // On plain ASCII text the form does not matter, so the verdict and gap must be franc's own.
  it.each([
    ['How can I speak in ten minutes about the bonds of women over three generations'],
    ['Chung toi rat ngheo nhung chung toi van song hanh phuc'],
    ['Ban Thanh Can Gio metro project unveiled'],
    ['Gia vang hom nay tang manh'],
  ])('agrees with franc restricted to vie/eng: %s', (text) => {
    const [best, second] = francAll(text, { only: ['vie', 'eng'] });
    const result = trigramLanguage(text);
    expect(result?.lang).toBe(best?.[0] === 'vie' ? 'vi' : 'en');
    expect(result?.gap).toBeCloseTo((best?.[1] ?? 0) - (second?.[1] ?? 0), 10);
  });
});
