import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORY_KEY_COUNT, storyKeys, storyProfile } from '../../src/normalize/similarity.js';
import { urlKey } from '../../src/normalize/url.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { ItemStore } from '../../src/store/items.js';
import type { ItemFilter, ItemInput } from '../../src/types.js';

let dir: string;
let db: Database;
let store: ItemStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-stories-test-'));
  db = openDatabase(join(dir, 'news.db'));
  store = new ItemStore(db);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const noFilter: ItemFilter = { lang: null, source: null, since: null, until: null, limit: null };

/** An input for `url` (source = its host) with the given text and date. */
function input(url: string, title: string, summary: string | null, publishedAt: string, overrides: Partial<ItemInput> = {}): ItemInput {
  return {
    url,
    urlKey: urlKey(url),
    canonicalKey: null,
    contentKey: null,
    title,
    byline: null,
    attribution: null,
    summary,
    publishedAt,
    canonicalUrl: null,
    siteName: null,
    imageUrl: null,
    declaredLang: 'vi',
    lang: 'vi',
    langSource: 'text',
    source: new URL(url).hostname,
    fetchedAt: '2024-09-07T12:00:00.000Z',
    ...overrides,
  };
}

const STORM_VNEXPRESS = input(
  'https://vnexpress.net/bao-yagi-do-bo-4789.html',
  'Bão Yagi đổ bộ Quảng Ninh - Hải Phòng với sức gió cấp 14',
  'Chiều 7/9, tâm bão Yagi đi vào vùng ven biển Quảng Ninh - Hải Phòng, gió mạnh nhất cấp 14, giật cấp 17, nhiều cây xanh bị quật đổ.',
  '2024-09-07T08:10:00.000Z',
);
const STORM_TUOITRE = input(
  'https://tuoitre.vn/sieu-bao-yagi-vao-dat-lien-2024090715.htm',
  'Siêu bão Yagi vào đất liền Quảng Ninh, Hải Phòng: gió giật cấp 17',
  'Khoảng 15h ngày 7/9, bão số 3 (Yagi) đã đổ bộ vào đất liền khu vực Quảng Ninh - Hải Phòng, sức gió mạnh cấp 14, giật trên cấp 17.',
  '2024-09-07T09:05:00.000Z',
);
const STORM_DANTRI = input(
  'https://dantri.com.vn/bao-yagi-do-bo.htm',
  'Bão Yagi đổ bộ vào Quảng Ninh - Hải Phòng, gió giật cấp 17',
  'Chiều 7/9, bão Yagi đổ bộ vào đất liền Quảng Ninh - Hải Phòng, gió mạnh nhất cấp 14, giật cấp 17, nhiều nơi mất điện.',
  '2024-09-07T10:00:00.000Z',
);
const GOLD_12 = input(
  'https://vnexpress.net/gia-vang-12-8.html',
  'Giá vàng hôm nay 12/8: Vàng nhẫn tăng 500.000 đồng',
  'Sáng 12/8, giá vàng nhẫn tại các doanh nghiệp tăng 500.000 đồng mỗi lượng, lên 77,5 triệu đồng; vàng miếng SJC đứng yên ở 79,98 triệu đồng.',
  '2024-08-12T02:00:00.000Z',
);
const GOLD_13 = input(
  'https://vnexpress.net/gia-vang-13-8.html',
  'Giá vàng hôm nay 13/8: Vàng nhẫn giảm 300.000 đồng',
  'Sáng 13/8, giá vàng nhẫn tại các doanh nghiệp giảm 300.000 đồng mỗi lượng, còn 77,2 triệu đồng; vàng miếng SJC đứng yên ở 79,98 triệu đồng.',
  '2024-08-13T02:00:00.000Z',
);

const storyIds = (): Record<string, number | null> =>
  Object.fromEntries(store.list(noFilter).map((item) => [item.url, item.storyId]));

/** Lookup keys stored, over all items (each item's are in its row). */
const keyCount = (): number => db.prepare('SELECT COALESCE(SUM(json_array_length(story_keys)), 0) FROM items').pluck().get() as number;

describe('story ids on save', () => {
  it("gives two outlets' reports of one story the first report's id", () => {
    const [first] = store.save([STORM_VNEXPRESS]).items;
    const [second] = store.save([STORM_TUOITRE]).items;
    expect(first!.storyId).toBe(first!.id);
    expect(second!.storyId).toBe(first!.id);
    expect(store.count()).toBe(2);
  });

  it('groups reports saved in one batch, and a third outlet joins the same story', () => {
    const { items } = store.save([STORM_VNEXPRESS, STORM_TUOITRE, STORM_DANTRI]);
    expect(items.map((item) => item.storyId)).toEqual([items[0]!.id, items[0]!.id, items[0]!.id]);
  });

  it('keeps two different stories with similar words apart (the same column on two days)', () => {
    const { items } = store.save([GOLD_12, GOLD_13]);
    expect(items.map((item) => item.storyId)).toEqual([items[0]!.id, items[1]!.id]);
  });

  it('keeps stories apart when the texts are unrelated', () => {
    const { items } = store.save([STORM_VNEXPRESS, GOLD_12]);
    expect(items.map((item) => item.storyId)).toEqual([items[0]!.id, items[1]!.id]);
  });

  it('only compares items dated within 48 hours of each other', () => {
    const later = (hours: number, url: string): ItemInput => ({
      ...STORM_TUOITRE,
      url,
      urlKey: urlKey(url),
      publishedAt: new Date(Date.parse(STORM_VNEXPRESS.publishedAt!) + hours * 3_600_000).toISOString(),
    });
    const { items } = store.save([STORM_VNEXPRESS, later(-47, 'https://tuoitre.vn/a.htm'), later(49, 'https://tuoitre.vn/b.htm')]);
    const head = items[0]!.id;
    expect(items.map((item) => item.storyId)).toEqual([head, head, items[2]!.id]);
    const [near] = store.save([later(47, 'https://tuoitre.vn/c.htm')]).items;
    expect([head, items[2]!.id]).toContain(near!.storyId);
  });

  it('an item re-saved with an edited headline keeps its story', () => {
    const [head] = store.save([STORM_VNEXPRESS]).items;
    store.save([STORM_TUOITRE]);
    const edited = store.save([{ ...STORM_TUOITRE, title: 'Siêu bão Yagi vào đất liền Quảng Ninh, Hải Phòng, hàng nghìn cây đổ' }]);
    expect(edited.updated).toBe(1);
    expect(edited.items[0]!.title).toBe('Siêu bão Yagi vào đất liền Quảng Ninh, Hải Phòng, hàng nghìn cây đổ');
    expect(edited.items[0]!.storyId).toBe(head!.id);
    const editedHead = store.save([{ ...STORM_VNEXPRESS, title: 'Bão Yagi đổ bộ Quảng Ninh - Hải Phòng, gió giật cấp 17' }]);
    expect(editedHead.items[0]!.storyId).toBe(head!.id);
    expect(Object.values(storyIds())).toEqual([head!.id, head!.id]);
  });

  it('a lone item re-saved with an edited headline stays its own story', () => {
    const [item] = store.save([GOLD_12]).items;
    const [edited] = store.save([{ ...GOLD_12, title: 'Giá vàng hôm nay 12/8: Vàng nhẫn tăng mạnh' }]).items;
    expect(edited!.id).toBe(item!.id);
    expect(edited!.storyId).toBe(item!.id);
  });

  it('an edited item stays in its story while it still matches it, even when another story matches better', () => {
    const powerCut = input(
      'https://nld.com.vn/hai-phong-mat-dien.htm',
      'Hải Phòng mất điện diện rộng sau bão Yagi',
      'Tối 7/9, hơn 90% khách hàng ở Hải Phòng bị mất điện sau khi bão Yagi quật đổ hàng loạt cột điện, cây xanh.',
      '2024-09-07T12:00:00.000Z',
    );
    const { items } = store.save([STORM_VNEXPRESS, powerCut, STORM_TUOITRE]);
    expect(items.map((item) => item.storyId)).toEqual([items[0]!.id, items[1]!.id, items[0]!.id]);
    const [edited] = store.save([
      {
        ...STORM_TUOITRE,
        title: 'Bão Yagi đổ bộ Hải Phòng, hơn 90% khách hàng mất điện',
        summary: 'Chiều 7/9, bão Yagi đổ bộ vào Quảng Ninh - Hải Phòng với gió giật cấp 17, quật đổ cây xanh, cột điện; hơn 90% khách hàng ở Hải Phòng bị mất điện.',
      },
    ]).items;
    expect(edited!.storyId).toBe(items[0]!.id);
  });

  it('an item rewritten into another story leaves the old one', () => {
    const [head] = store.save([STORM_VNEXPRESS]).items;
    const [joined] = store.save([STORM_TUOITRE]).items;
    expect(joined!.storyId).toBe(head!.id);
    const [rewritten] = store.save([{ ...STORM_TUOITRE, title: GOLD_12.title, summary: GOLD_12.summary }]).items;
    expect(rewritten!.storyId).toBe(joined!.id);
  });

  it('re-saving an unchanged item keeps its keys and story (no rewrite)', () => {
    store.save([STORM_VNEXPRESS, STORM_TUOITRE]);
    const before = keyCount();
    const again = store.save([{ ...STORM_TUOITRE, fetchedAt: '2024-09-08T00:00:00.000Z' }, STORM_VNEXPRESS]);
    expect(again.updated).toBe(2);
    expect(keyCount()).toBe(before);
    expect(again.items.map((item) => item.storyId)).toEqual([again.items[1]!.id, again.items[1]!.id]);
  });

  it('files each item under its storyKeys and time (in its row), replacing them when the text or date changes', () => {
    const [item] = store.save([STORM_VNEXPRESS]).items;
    const at = Date.parse(STORM_VNEXPRESS.publishedAt!);
    const day = Math.floor(at / 86_400_000);
    const keysOf = (id: number): { keys: number[]; at: number | null } => {
      const row = db.prepare('SELECT story_keys, story_at FROM items WHERE id = ?').get(id) as { story_keys: string; story_at: number | null };
      return { keys: (JSON.parse(row.story_keys) as number[]).sort((x, y) => x - y), at: row.story_at };
    };
    const expected = (text: { title: string | null; summary: string | null }): number[] =>
      storyKeys(storyProfile(text));
    expect(keysOf(item!.id)).toEqual({ keys: expected(STORM_VNEXPRESS), at });
    store.save([{ ...STORM_VNEXPRESS, summary: 'Bão số 3 đổ bộ với gió giật cấp 17.' }]);
    expect(keysOf(item!.id)).toEqual({ keys: expected({ title: STORM_VNEXPRESS.title, summary: 'Bão số 3 đổ bộ với gió giật cấp 17.' }), at });
    expect(keyCount()).toBe(STORY_KEY_COUNT);
    const moved = '2024-09-08T08:10:00.000Z';
    store.save([{ ...STORM_VNEXPRESS, summary: 'Bão số 3 đổ bộ với gió giật cấp 17.', publishedAt: moved }]);
    expect(keysOf(item!.id)).toEqual({
      keys: expected({ title: STORM_VNEXPRESS.title, summary: 'Bão số 3 đổ bộ với gió giật cấp 17.' }),
      at: Date.parse(moved),
    });
  });

  it('an item without a usable date stands alone and is filed under no key', () => {
    const [item] = store.save([{ ...STORM_TUOITRE, publishedAt: 'not a date' }]).items;
    const [other] = store.save([STORM_VNEXPRESS]).items;
    expect(item!.storyId).toBe(item!.id);
    expect(other!.storyId).toBe(other!.id);
    expect(db.prepare('SELECT id FROM items WHERE json_array_length(story_keys) > 0').pluck().all()).toEqual([other!.id]);
  });

  it('deleting an item (as news prune does, from another connection) never touches the other items of its story', () => {
    const { items } = store.save([STORM_VNEXPRESS, STORM_TUOITRE, GOLD_12]);
    const pruner = openDatabase(join(dir, 'news.db'));
    pruner.prepare('DELETE FROM items WHERE id = ?').run(items[0]!.id);
    pruner.close();
    const expected = [STORM_TUOITRE, GOLD_12].reduce((sum, item) => sum + storyKeys(storyProfile(item)).length, 0);
    expect(keyCount()).toBe(expected);
    expect(store.count()).toBe(2);
    expect(storyIds()).toEqual({ [STORM_TUOITRE.url]: items[0]!.id, [GOLD_12.url]: items[2]!.id });
    // The story lives on without its first item: a third report joins it.
    const [third] = store.save([STORM_DANTRI]).items;
    expect(third!.storyId).toBe(items[0]!.id);
  });

  it('stores a lone new item with story_id NULL (its own story) and marks a story when another item joins it', () => {
    const [first] = store.save([STORM_VNEXPRESS]).items;
    const storyColumn = (id: number): unknown => db.prepare('SELECT story_id FROM items WHERE id = ?').pluck().get(id);
    expect(storyColumn(first!.id)).toBeNull();
    expect(first!.storyId).toBe(first!.id);
    const [second] = store.save([STORM_TUOITRE]).items;
    expect(storyColumn(first!.id)).toBe(first!.id);
    expect(storyColumn(second!.id)).toBe(first!.id);
    expect(db.prepare('SELECT id FROM items WHERE story_id = ? ORDER BY id').pluck().all(first!.id)).toEqual([first!.id, second!.id]);
  });

  it('sees items another connection saved meanwhile (what it keeps in memory is dropped when another writer commits)', () => {
    store.save([STORM_VNEXPRESS]); // reads the days around 7/9 into memory
    const flood = (url: string, title: string): ItemInput =>
      input(url, title, 'Sáng 7/9, lũ quét tràn qua thôn Làng Nủ, xã Phúc Khánh, huyện Bảo Yên, tỉnh Lào Cai; 30 người mất tích.', '2024-09-07T11:00:00.000Z');
    const otherDb = openDatabase(join(dir, 'news.db'));
    const [first] = new ItemStore(otherDb).save([flood('https://thanhnien.vn/lu-quet.htm', 'Lũ quét ở Lào Cai, 30 người mất tích')]).items;
    otherDb.close();
    const [second] = store.save([flood('https://dantri.com.vn/lu-quet.htm', 'Lũ quét cuốn trôi thôn Làng Nủ, 30 người mất tích')]).items;
    expect(second!.storyId).toBe(first!.id);
  });

  it('an item moved to another day is compared at its new date only', () => {
    // First saved undated (its date is when it was fetched), then with an earlier published date.
    store.save([{ ...STORM_VNEXPRESS, publishedAt: null, fetchedAt: '2024-09-09T12:00:00.000Z' }]);
    const otherDb = openDatabase(join(dir, 'news.db'));
    const other = new ItemStore(otherDb); // nothing in memory yet: it reads the days as it needs them
    const [moved] = other.save([STORM_VNEXPRESS]).items;
    expect(moved!.publishedAt).toBe(STORM_VNEXPRESS.publishedAt);
    // 54 hours after the moved item's date: beyond the window, so its own story.
    const [late] = other.save([{ ...STORM_TUOITRE, publishedAt: '2024-09-09T14:10:00.000Z' }]).items;
    expect(late!.storyId).toBe(late!.id);
    // Within 48 hours of it: the same story.
    const [near] = other.save([{ ...STORM_DANTRI, publishedAt: '2024-09-08T10:00:00.000Z' }]).items;
    expect(near!.storyId).toBe(moved!.id);
    otherDb.close();
  });

  it('a rolled-back save leaves nothing behind, in the database or in what grouping keeps in memory', () => {
    const broken = { ...GOLD_12, source: null as unknown as string };
    expect(() => store.save([STORM_VNEXPRESS, broken])).toThrow();
    expect(store.count()).toBe(0);
    // The new item gets the rolled-back item's id; it must not be filed as if that item existed.
    const [item] = store.save([STORM_TUOITRE]).items;
    expect(item!.storyId).toBe(item!.id);
    expect(db.prepare('SELECT story_id FROM items WHERE id = ?').pluck().get(item!.id)).toBeNull();
  });
});

describe('listStories (grouped lists)', () => {
  it('shows a story once, by its newest item, with the other reports as also; list shows every item', () => {
    store.save([STORM_VNEXPRESS, STORM_TUOITRE, STORM_DANTRI, GOLD_12, GOLD_13]);
    const grouped = store.listStories(noFilter);
    expect(grouped.map((item) => [item.url, item.also])).toEqual([
      [STORM_DANTRI.url, [{ source: 'vnexpress.net', url: STORM_VNEXPRESS.url }, { source: 'tuoitre.vn', url: STORM_TUOITRE.url }]],
      [GOLD_13.url, []],
      [GOLD_12.url, []],
    ]);
    expect(store.list(noFilter)).toHaveLength(5);
    expect(store.count()).toBe(5);
  });

  it('counts stories against the limit', () => {
    store.save([STORM_VNEXPRESS, STORM_TUOITRE, STORM_DANTRI, GOLD_12, GOLD_13]);
    expect(store.listStories({ ...noFilter, limit: 2 }).map((item) => item.url)).toEqual([STORM_DANTRI.url, GOLD_13.url]);
    expect(store.listStories({ ...noFilter, limit: 1 }).map((item) => item.url)).toEqual([STORM_DANTRI.url]);
    expect(() => store.listStories({ ...noFilter, limit: -1 })).toThrow('invalid limit: -1');
  });

  it('applies filters to the items shown; also names every other report of the story', () => {
    store.save([STORM_VNEXPRESS, STORM_TUOITRE, STORM_DANTRI, GOLD_12]);
    const fromTuoiTre = store.listStories({ ...noFilter, source: 'tuoitre.vn' });
    expect(fromTuoiTre.map((item) => [item.url, item.also.map((link) => link.source)])).toEqual([
      [STORM_TUOITRE.url, ['vnexpress.net', 'dantri.com.vn']],
    ]);
    const before = store.listStories({ ...noFilter, until: '2024-09-07T09:30:00.000Z' });
    expect(before.map((item) => item.url)).toEqual([STORM_TUOITRE.url, GOLD_12.url]);
  });

  it('groupStories collapses any item stream, e.g. a lazy iterate()', () => {
    store.save([STORM_VNEXPRESS, STORM_TUOITRE, GOLD_12]);
    const grouped = [...store.groupStories(store.iterate(noFilter))];
    expect(grouped.map((item) => [item.url, item.also.length])).toEqual([
      [STORM_TUOITRE.url, 1],
      [GOLD_12.url, 0],
    ]);
  });
});
