import { describe, expect, it } from 'vitest';
import { cleanTitle, segmentNamesSite } from '../../../src/extract/clean/title.js';
import { publisherKey } from '../../../src/extract/context.js';

const keys = (...names: string[]) => new Set(names.map((n) => publisherKey(n)));

describe('cleanTitle', () => {
  const vnexpress = keys('VnExpress', 'vnexpress');
  const laodong = keys('Báo Lao Động', 'laodong');
  const isSite = (k: Set<string>) => (segment: string) => segmentNamesSite(segment, k);

  it.each([
    ['Hà Nội mở thêm 12 tuyến xe buýt điện - VnExpress', vnexpress, 'Hà Nội mở thêm 12 tuyến xe buýt điện'],
    ['Giá vàng tăng mạnh | Báo Lao Động', laodong, 'Giá vàng tăng mạnh'],
    ['Những người khổ hạnh - Ảnh | Trang thông tin dành cho giới trẻ - VnExpress iOne', vnexpress, 'Những người khổ hạnh - Ảnh | Trang thông tin dành cho giới trẻ'],
    ['Hà Nội - Hải Phòng thông xe cao tốc', vnexpress, 'Hà Nội - Hải Phòng thông xe cao tốc'],
    ['Giá vàng tăng mạnh - Tuổi Trẻ', laodong, 'Giá vàng tăng mạnh - Tuổi Trẻ'],
    ['VnExpress', vnexpress, 'VnExpress'],
  ])('%j', (raw, siteKeys, expected) => {
    expect(cleanTitle(raw, isSite(siteKeys))).toBe(expected);
  });
});
