/**
 * A site rule is data: selectors for one outlet (or one CMS family), tried after
 * JSON-LD/meta for machine fields and before generic DOM heuristics.
 *
 * A selector string is `css` (the element's text) or `css@attr` (an attribute).
 * Lists are fallback chains: the first selector that yields a valid value wins.
 */
export interface SiteRule {
  /** Stable id, recorded in provenance (`site:vnexpress`). */
  id: string;
  /** The outlet's name as readers know it; never a byline, stripped from title ends. */
  name: string;
  /** Hosts or registrable domains the rule applies to; the longest matching suffix wins. */
  domains: readonly string[];
  /** For CMS families: a selector whose presence recognises the family on unknown domains. */
  detect?: string;
  /** Other names the publisher goes by (meta author, JSON-LD publisher), never bylines. */
  publisherNames?: readonly string[];
  title?: readonly string[];
  summary?: readonly string[];
  byline?: readonly string[];
  publishedAt?: readonly string[];
  /** Article body containers, used to find an end-of-body byline. */
  body?: readonly string[];
  /** Teaser headline links on listing pages (`a` elements), tried before generic teaser detection. */
  teasers?: readonly string[];
  /** The edition's language when the whole site is in one language (a prior for detection). */
  lang?: 'vi' | 'en';
}
