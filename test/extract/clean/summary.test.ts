import { describe, expect, it } from 'vitest';
import { cleanSummary, stripOutletPrefix } from '../../../src/extract/clean/summary.js';

describe('cleanSummary', () => {
  it.each([
    ['(Dân trí) - UBND Hà Nội vừa thông báo lịch nghỉ Tết.', 'UBND Hà Nội vừa thông báo lịch nghỉ Tết.'],
    ['(PLO)- Tòa tuyên án vụ lừa đảo.', 'Tòa tuyên án vụ lừa đảo.'],
    ['VOV.VN - Chiều nay, Quốc hội thảo luận.', 'Chiều nay, Quốc hội thảo luận.'],
    ['(TNO) TAND TP.Đà Nẵng xét xử sơ thẩm.', 'TAND TP.Đà Nẵng xét xử sơ thẩm.'],
    ['(NLĐO) - Cho rằng chủ hụi "méc" mẹ vợ...', 'Cho rằng chủ hụi "méc" mẹ vợ...'],
    ['TTO - Sáng 5-9, học sinh tựu trường.', 'Sáng 5-9, học sinh tựu trường.'],
    ['Dòng nước bốc hơi trắng. >> Xả rác- sự hồn nhiên độc ác', 'Dòng nước bốc hơi trắng.'],
    ['  Hà   Nội\u00a0mở tuyến  ', 'Hà Nội mở tuyến'],
    ['Ha\u0300 Nô\u0323i mở tuyến', 'Hà Nội mở tuyến'],
    ['Vietnam reported 5% growth (GDP) in Q3.', 'Vietnam reported 5% growth (GDP) in Q3.'],
  ])('%j → %j', (raw, expected) => {
    expect(cleanSummary(raw)).toBe(expected);
  });

  it('keeps a text that is only a prefix-like tag', () => {
    expect(stripOutletPrefix('(TNO)')).toBe('(TNO)');
  });
});
