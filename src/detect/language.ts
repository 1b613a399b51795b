/**
 * Tell Vietnamese from English in a headline, summary or the start of a body.
 *
 * The text decides when it can: a word rule (word-evidence.ts) settles most texts;
 * when it has too little to go on, franc's trigram models for the two languages
 * (trigrams.ts) decide. Priors decide when the text cannot, and confirm it when it
 * agrees: the language the page declares (`html lang`, `og:locale`, JSON-LD
 * `inLanguage`, feed `<language>`) and the known language of the site's edition
 * (site-priors.ts). Clear text overrules both: Vietnamese pages declaring `en-us`
 * exist. Empty or meaningless text (no letters, a lone short name) with no prior
 * gives `null` rather than a guess.
 *
 * Importing this module costs ~10 ms here: it loads franc's data file, not franc,
 * which builds tables for 400 languages on import (~30 ms).
 */

import type { Lang } from '../types.js';
import { toNfc } from '../normalize/text.js';
import { siteLanguage } from './site-priors.js';
import { trigramLanguage } from './trigrams.js';
import { scoreWords } from './word-evidence.js';

/**
 * Where the detected value came from: `text` (the text alone, or the text
 * overruling a prior), `declared` (the page's declared language alone), `site`
 * (the site's known edition language, alone or over a disagreeing declared
 * language), `agreed` (two signals agree: text and a prior, or the declared and
 * site languages when the text says nothing), `none` (nothing to go on).
 */
export type LanguageSource = 'text' | 'declared' | 'site' | 'agreed' | 'none';

/** The outcome of `detectLanguage`. */
export interface LanguageDetection {
  /** The language we settled on, or `null` when neither the text nor a prior tells. */
  lang: Lang | null;
  /** How sure we are, 0–1 (0 when `lang` is `null`). */
  confidence: number;
  source: LanguageSource;
  /** The declared language, normalised (`null` when absent or neither vi nor en). */
  declared: Lang | null;
}

/** Options for `detectLanguage`. */
export interface DetectLanguageOptions {
  /** The language the page or feed declares (html lang, og:locale, JSON-LD inLanguage, `<language>`), raw or normalised. */
  declared?: string | null;
  /** The page URL or host: known single-language editions (e.vnexpress.net → en) are a prior. */
  site?: string | null;
}

/** A verdict with its confidence. */
interface Verdict {
  lang: Lang;
  confidence: number;
}

/** The prior from the declared and site languages, and how sure text must be to overrule it. */
interface Prior extends Verdict {
  source: 'declared' | 'site' | 'agreed';
  overrule: number;
}

/**
 * Priors, weakest first. A declared language is often a CMS default (`en-us` on
 * Vietnamese pages), so text that is fairly sure (one clear word and no
 * contrary evidence scores 0.75) overrules it. A known edition is firmer: the text
 * needs two clear words. When the two priors disagree the edition wins, with less
 * confidence; when they agree, the text must be surer still.
 */
const DECLARED_PRIOR = { confidence: 0.6, overrule: 0.7 } as const;
const SITE_PRIOR = { confidence: 0.75, overrule: 0.8 } as const;
const SITE_OVER_DECLARED_PRIOR = { confidence: 0.6, overrule: 0.7 } as const;
const AGREED_PRIOR = { confidence: 0.9, overrule: 0.85 } as const;

/** The words decide when one language has at least this share of their evidence. */
const MIN_SHARE = 0.7;
/** Confidence of a mixed text settled by its function words. */
const FUNCTION_WORD_CONFIDENCE = 0.6;
/** Trigram verdicts stay below every overrule line: they never beat a prior. */
const TRIGRAM_MAX_CONFIDENCE = 0.65;
/** The text read: the first this many characters (title, summary, the start of the body). */
const MAX_TEXT_LENGTH = 4000;

/**
 * Map a language tag (`vi`, `vi-VN`, `vi_VN`, `vie`, `en`, `en-us`, `en_GB`, `eng`,
 * any case) to `vi` or `en`; anything else is `null`.
 */
export function normalizeLangTag(tag: string | null): Lang | null {
  if (tag == null) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/u)[0];
  if (primary === 'vi' || primary === 'vie') return 'vi';
  if (primary === 'en' || primary === 'eng') return 'en';
  return null;
}

/**
 * Detect whether a text is Vietnamese or English, with the page's declared language
 * and the site's known edition language as priors. Clear text wins; weak or absent
 * text falls back to the priors (the site's edition over a disagreeing declared
 * value). Empty or meaningless text (digits, punctuation, a lone short name) with no
 * prior gives `lang: null`, `source: 'none'`.
 */
export function detectLanguage(text: string | null, options: DetectLanguageOptions = {}): LanguageDetection {
  const declared = normalizeLangTag(options.declared ?? null);
  const prior = priorOf(declared, siteLanguage(options.site ?? null));
  const found = detectFromText(text ?? '');

  if (found === null) {
    if (prior === null) return { lang: null, confidence: 0, source: 'none', declared };
    return { lang: prior.lang, confidence: prior.confidence, source: prior.source, declared };
  }
  if (prior === null) return { lang: found.lang, confidence: found.confidence, source: 'text', declared };
  if (prior.lang === found.lang) {
    const confidence = 1 - (1 - found.confidence) * (1 - prior.confidence);
    return { lang: found.lang, confidence: round(confidence), source: 'agreed', declared };
  }
  if (found.confidence >= prior.overrule) {
    return { lang: found.lang, confidence: found.confidence, source: 'text', declared };
  }
  return { lang: prior.lang, confidence: prior.confidence, source: prior.source, declared };
}

/** Combine the declared and site languages into one prior (see the constants above). */
function priorOf(declared: Lang | null, site: Lang | null): Prior | null {
  if (declared !== null && site !== null) {
    if (declared === site) return { lang: site, source: 'agreed', ...AGREED_PRIOR };
    return { lang: site, source: 'site', ...SITE_OVER_DECLARED_PRIOR };
  }
  if (site !== null) return { lang: site, source: 'site', ...SITE_PRIOR };
  if (declared !== null) return { lang: declared, source: 'declared', ...DECLARED_PRIOR };
  return null;
}

/** The text's own verdict, or `null` when it has nothing to go on. */
function detectFromText(text: string): Verdict | null {
  const normalized = toNfc(text.slice(0, MAX_TEXT_LENGTH));
  const evidence = scoreWords(normalized);
  const total = evidence.vi + evidence.en;
  if (total > 0) {
    const share = Math.max(evidence.vi, evidence.en) / total;
    if (share >= MIN_SHARE) {
      // Words that point one way beat trigrams, even a few ("Thể thao", "Oh, my God!"):
      // on short texts trigrams guess. Both the margin and the amount of evidence
      // raise confidence: one accented word alone gives 0.75, four words ~0.97.
      const lang: Lang = evidence.vi > evidence.en ? 'vi' : 'en';
      const margin = (share - 0.5) * 2;
      const confidence = 0.5 + 0.5 * margin * (1 - 2 ** (-total / 2));
      return { lang, confidence: round(confidence) };
    }
  }
  // Mixed evidence in text written with accents: plain "and", "the", "for" are then
  // English, so the language supplying more function words (the grammar) wins.
  if (total > 0 && evidence.accentedWords > 0 && evidence.functionWords.vi !== evidence.functionWords.en) {
    const lang: Lang = evidence.functionWords.vi > evidence.functionWords.en ? 'vi' : 'en';
    return { lang, confidence: FUNCTION_WORD_CONFIDENCE };
  }
  // Still mixed, or no evidence: the trigram models decide.
  const guess = trigramLanguage(normalized);
  if (guess !== null && guess.gap > 0) {
    return { lang: guess.lang, confidence: round(0.5 + Math.min(TRIGRAM_MAX_CONFIDENCE - 0.5, guess.gap)) };
  }
  return null;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
