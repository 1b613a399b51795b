/**
 * Items for export tests: a small hand-written bilingual set (with hostile text), and
 * a generator of many stored items for streaming tests.
 */
import { urlKey } from '../../src/normalize/url.js';
import { openDatabase } from '../../src/store/database.js';
import { ItemStore } from '../../src/store/items.js';
import type { Item, ItemInput } from '../../src/types.js';

const BASE: Item = {
  id: 1,
  url: 'https://vnexpress.net/a-1.html',
  canonicalUrl: null,
  title: 'Title',
  byline: null,
  attribution: null,
  summary: null,
  lang: 'vi',
  declaredLang: 'vi',
  langSource: 'text',
  publishedAt: '2024-08-12T03:30:00.000Z',
  firstSeenAt: '2024-08-12T04:00:00.000Z',
  fetchedAt: '2024-08-12T04:00:00.000Z',
  updatedAt: '2024-08-12T04:00:00.000Z',
  siteName: 'VnExpress',
  imageUrl: null,
  source: 'vnexpress.net',
  storyId: null,
};

/** Five items: two sites in Vietnamese, one in English, one of unknown language, hostile text included. */
export function sampleItems(): Item[] {
  return [
    {
      ...BASE,
      id: 1,
      url: 'https://vnexpress.net/da-nang-mo-cho-dem-4781234.html',
      title: 'Đà Nẵng mở chợ đêm bên sông Hàn',
      byline: 'Nguyễn Văn A, Trần Thị B',
      summary: 'Chợ đêm đón 20.000 lượt khách trong tuần đầu.',
      publishedAt: '2024-08-12T03:30:00.000Z',
      imageUrl: 'https://i.vnecdn.net/cho-dem.jpg',
    },
    {
      ...BASE,
      id: 2,
      url: 'https://vnexpress.net/gia-dien-tang-4781000.html?utm_source=rss',
      title: '<script>document.title="pwned"</script> Giá điện tăng & "nóng"',
      byline: null,
      summary: 'Tom & Jerry <b>không</b> in đậm ]]> \u0007 chuông.',
      publishedAt: null,
      firstSeenAt: '2024-08-11T01:00:00.000Z',
      fetchedAt: '2024-08-11T01:00:00.000Z',
      updatedAt: '2024-08-11T01:00:00.000Z',
    },
    {
      ...BASE,
      id: 3,
      url: 'https://tuoitre.vn/nguyen-trai-20240812.htm',
      title: 'Nguyễn Trãi và những bài học',
      byline: 'Lê C',
      attribution: 'Theo TTXVN',
      summary: 'Bài viết về danh nhân.',
      publishedAt: '2024-08-12T01:00:00.000Z',
      siteName: 'Tuổi Trẻ Online',
      source: 'tuoitre.vn',
    },
    {
      ...BASE,
      id: 4,
      url: 'https://e.vnexpress.net/news/travel/night-market-4781999.html',
      title: 'Night market on Han River draws crowds',
      byline: 'Minh Tam',
      summary: 'A new night market welcomed 20,000 visitors.',
      lang: 'en',
      declaredLang: 'en',
      publishedAt: '2024-08-12T05:00:00.000Z',
      siteName: 'VnExpress International',
      source: 'e.vnexpress.net',
    },
    {
      ...BASE,
      id: 5,
      url: 'https://example.org/x',
      title: null,
      summary: null,
      lang: null,
      declaredLang: null,
      langSource: 'none',
      publishedAt: null,
      firstSeenAt: '2024-08-10T00:00:00.000Z',
      fetchedAt: '2024-08-10T00:00:00.000Z',
      updatedAt: '2024-08-10T00:00:00.000Z',
      siteName: null,
      source: 'example.org',
    },
  ];
}

/** The store input that saves as `item` (same text fields; ids and times come from the store). */
export function toInput(item: Item): ItemInput {
  return {
    url: item.url,
    urlKey: urlKey(item.url),
    canonicalKey: null,
    contentKey: null,
    title: item.title,
    byline: item.byline,
    attribution: item.attribution,
    summary: item.summary,
    publishedAt: item.publishedAt,
    canonicalUrl: item.canonicalUrl,
    siteName: item.siteName,
    imageUrl: item.imageUrl,
    declaredLang: item.declaredLang,
    lang: item.lang,
    langSource: item.lang === null ? 'none' : 'text',
    source: item.source,
    fetchedAt: item.fetchedAt,
  };
}

/** Syllables and words the generated texts are drawn from (distinct texts: no two report one story). */
const VI_WORDS = (
  'xe buýt điện tuyến mới kết nối khu đô thị trung tâm thành phố giảm ùn tắc khí thải giờ cao điểm chợ đêm sông hàn du khách ' +
  'giá vàng lúa gạo mùa khô mặn nước ngọt đồng bằng cửu long học sinh thi tốt nghiệp điểm chuẩn đại học bệnh viện bác sĩ ca mổ ' +
  'bão lũ miền trung mưa lớn sạt lở đường sắt cao tốc sân bay hành khách chuyến bay quốc hội luật đất đai ngân hàng lãi suất ' +
  'doanh nghiệp xuất khẩu cà phê hồ tiêu thủy sản tôm cá ngừ công nhân thưởng tết nhà ở xã hội giá điện xăng dầu chứng khoán ' +
  'bóng đá đội tuyển huấn luyện viên cầu thủ sân vận động văn hóa lễ hội di sản phố cổ hội an huế đà lạt nha trang phú quốc'
).split(' ');
const EN_WORDS = (
  'electric bus route city centre suburb congestion emissions rush hour night market river visitors gold price rice harvest ' +
  'drought salinity fresh water delta students exam graduation university hospital doctor surgery storm flood central region ' +
  'heavy rain landslide railway expressway airport passengers flight national assembly land law bank interest rate business ' +
  'export coffee pepper seafood shrimp tuna workers bonus lunar new year housing electricity petrol stock market football team ' +
  'coach player stadium culture festival heritage old quarter tourists province ministry police court trade investment'
).split(' ');

/** A small seeded generator (mulberry32), so generated data is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(next: () => number, vocabulary: string[], count: number): string {
  return Array.from({ length: count }, () => vocabulary[Math.floor(next() * vocabulary.length)]!).join(' ');
}

/** `count` generated items, alternating Vietnamese and English, each a distinct story (summary of ~`summaryWords` words). */
export function generatedInputs(count: number, summaryWords = 120, start = 0): ItemInput[] {
  const inputs: ItemInput[] = [];
  for (let i = start; i < start + count; i += 1) {
    const next = random(i + 1);
    const vi = i % 2 === 0;
    const site = vi ? ['vnexpress.net', 'tuoitre.vn', 'dantri.com.vn'][i % 3]! : 'e.vnexpress.net';
    const vocabulary = vi ? VI_WORDS : EN_WORDS;
    const url = `https://${site}/bai-${i}.html`;
    const title = words(next, vocabulary, 10);
    inputs.push({
      url,
      urlKey: urlKey(url),
      canonicalKey: null,
      contentKey: null,
      title: `${title.charAt(0).toUpperCase()}${title.slice(1)} ${i}`,
      byline: vi ? 'Nguyễn Văn An' : 'Minh Tam',
      attribution: null,
      summary: `${words(next, vocabulary, summaryWords)}.`,
      publishedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      canonicalUrl: null,
      siteName: null,
      imageUrl: null,
      declaredLang: vi ? 'vi' : 'en',
      lang: vi ? 'vi' : 'en',
      langSource: 'text',
      source: site,
      fetchedAt: '2024-06-01T00:00:00.000Z',
    });
  }
  return inputs;
}

/** A database file holding `count` generated items, saved in batches. */
export function writeGeneratedDatabase(path: string, count: number, summaryWords = 120): void {
  const db = openDatabase(path);
  try {
    const store = new ItemStore(db);
    for (let start = 0; start < count; start += 5000) store.save(generatedInputs(Math.min(5000, count - start), summaryWords, start));
  } finally {
    db.close();
  }
}
