/**
 * Shared value types that flow between the pipeline stages.
 * Absent values are always `null`, never `undefined` or the empty string.
 */

/** A language we tell apart; `null` means unknown. */
export type Lang = 'vi' | 'en';

/** What decided a detected language (`none` when it is unknown). */
export type LangSource = 'text' | 'declared' | 'site' | 'agreed' | 'none';

/** The fields `extractArticle` reads from one page. */
export interface ArticleFields {
  title: string | null;
  /** Journalist or author names, joined with ", ". Never the publisher. */
  byline: string | null;
  /** Wire or republication credit such as "Theo TTXVN" or "Reuters". */
  attribution: string | null;
  /** Standfirst / sapo, outlet prefix removed. */
  summary: string | null;
  /** ISO 8601 in UTC (`2024-08-12T03:30:00.000Z`). */
  publishedAt: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  imageUrl: string | null;
  /** Language the page declares (html lang, og:locale, JSON-LD inLanguage), as `vi`/`en` or the raw tag. */
  declaredLang: string | null;
}

export type ArticleField = keyof ArticleFields;

/** Which rule produced each field value (`null` when no rule found one). */
export type Provenance = { [K in ArticleField]: string | null };

/** One extracted article: the fields, the detected language and where each value came from. */
export interface Article extends ArticleFields {
  /** The page URL the extraction was run for (after redirects), or `null` for a bare file. */
  url: string | null;
  /** Detected language of title + summary (+ a body sample), with page and site priors. */
  lang: Lang | null;
  /** What decided `lang`: the text, the page's declaration, the site's edition, or several agreeing. */
  langSource: LangSource;
  provenance: Provenance;
}

/** A teaser on a listing page. */
export interface Teaser {
  title: string;
  url: string;
  summary: string | null;
  byline: string | null;
}

/** What the store is given for one fetched article. */
export interface ItemInput extends ArticleFields {
  /** The URL as fetched (final URL after redirects). */
  url: string;
  /** Dedup key of `url` (see normalize/url.ts). */
  urlKey: string;
  /** Dedup key of the canonical URL when it is on the same site, else `null`. */
  canonicalKey: string | null;
  /** site + normalised title + day, or `null` when there is no title. */
  contentKey: string | null;
  lang: Lang | null;
  langSource: LangSource;
  /** Short name of where the item came from: the registrable domain, e.g. `vnexpress.net`. */
  source: string;
  /** ISO 8601 UTC time of this fetch. */
  fetchedAt: string;
}

/** An item as stored and shown (the documented item schema). */
export interface Item {
  id: number;
  url: string;
  canonicalUrl: string | null;
  title: string | null;
  byline: string | null;
  attribution: string | null;
  summary: string | null;
  lang: Lang | null;
  declaredLang: string | null;
  /** What decided `lang` (see LangSource); `null` for items stored before it was recorded. */
  langSource: string | null;
  publishedAt: string | null;
  firstSeenAt: string;
  fetchedAt: string;
  updatedAt: string;
  siteName: string | null;
  imageUrl: string | null;
  source: string;
  /**
   * The story this item reports: the id of the story's first item (its own id when no
   * earlier item reports the same story). `null` only for an item not yet filed (never once saved).
   */
  storyId: number | null;
}

/** Another item of the same story, named in grouped lists ("also: vnexpress.net"). */
export interface StoryLink {
  source: string;
  url: string;
}

/** One line of a grouped list or export: a story's representative item and the story's other items. */
export interface GroupedItem extends Item {
  also: StoryLink[];
}

/** Filters shared by `list` and `export`. */
export interface ItemFilter {
  lang: Lang | null;
  source: string | null;
  /** ISO 8601 UTC lower bound (inclusive) on the item's date. */
  since: string | null;
  /** ISO 8601 UTC upper bound (exclusive) on the item's date. */
  until: string | null;
  /** `null` means no limit. */
  limit: number | null;
  /**
   * Only items matching this full-text query (store/search-query.ts), in the list's
   * own order; absent or `null`: no search. Optional so existing filters stay valid.
   */
  search?: string | null;
}
