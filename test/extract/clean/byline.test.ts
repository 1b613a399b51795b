import { describe, expect, it } from 'vitest';
import { cleanByline, isAgency } from '../../../src/extract/clean/byline.js';

describe('cleanByline', () => {
  it.each([
    ['By Hoang Phong', 'Hoang Phong', null],
    ['Theo Sầm Hoa (Vietnamnet/Reuters)', 'Sầm Hoa', 'Vietnamnet/Reuters'],
    ['Theo TTXVN', null, 'TTXVN'],
    ['(Reuters)', null, 'Reuters'],
    ['Bài và ảnh: NGUYỄN AN', 'Nguyễn An', null],
    ['Tin, ảnh: Vũ Phương Thảo', 'Vũ Phương Thảo', null],
    ['Quang Phong - Tùng Nguyên', 'Quang Phong, Tùng Nguyên', null],
    ['Minh Khánh và Hải Yến', 'Minh Khánh, Hải Yến', null],
    ['Hoang Phong and Dat Nguyen', 'Hoang Phong, Dat Nguyen', null],
    ['Minh Khánh (minhkhanh@vnexpress.net)', 'Minh Khánh', null],
    ['Thu Hằng - Phóng viên', 'Thu Hằng', null],
    ['H.V.', 'H.V.', null],
    ['K. Miên', 'K. Miên', null],
    ['Nhóm PV', null, null],
    ['  ', null, null],
    ['AFP/TTXVN', null, 'AFP/TTXVN'],
  ])('%j → byline %j, attribution %j', (raw, byline, attribution) => {
    expect(cleanByline(raw)).toEqual({ byline, attribution });
  });
});

describe('isAgency', () => {
  it.each([
    ['TTXVN', true],
    ['Reuters', true],
    ['Báo Thanh Niên', true],
    ['Infonet', true],
    ['Nguyễn Văn An', false],
    ['Hoang Phong', false],
  ])('%j → %j', (value, expected) => {
    expect(isAgency(value)).toBe(expected);
  });
});
