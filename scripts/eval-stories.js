#!/usr/bin/env node
// Story grouping quality: precision and recall of storySimilarity (the compiled
// library, so run `npm run build` first) on the labelled pairs written for this
// project (see fixtures/stories/README.md): pairs.json, the set the method and the
// threshold were chosen on; holdout.json, written next (its first run led to the
// figure-conflict rule, so it is no longer blind); holdout-2.json, written after the
// last change to the method and never tuned on.
// Reports, per set: precision / recall / F1 at STORY_THRESHOLD, a threshold sweep,
// recall per kind of pair, how many same-story pairs share a candidate-lookup key
// (storyKeys: a pair that shares none is never compared by the store), and the time
// per profile and per comparison. `--verbose` (-v) lists every pair with its score.
//
//   node scripts/eval-stories.js [--verbose] [--threshold 0.5]
import { existsSync, readFileSync } from 'node:fs';
import { STORY_THRESHOLD, storyKeys, storyProfile, storySimilarity } from '../dist/normalize/similarity.js';

const root = new URL('../', import.meta.url);
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const thresholdArg = process.argv.indexOf('--threshold');
const threshold = thresholdArg === -1 ? STORY_THRESHOLD : Number(process.argv[thresholdArg + 1]);
const SWEEP = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

function loadPairs(name) {
  const url = new URL(`fixtures/stories/${name}`, root);
  if (!existsSync(url)) return null;
  return JSON.parse(readFileSync(url, 'utf8')).pairs;
}

function scorePairs(pairs) {
  return pairs.map((pair) => {
    const a = storyProfile(pair.a);
    const b = storyProfile(pair.b);
    const keysA = new Set(storyKeys(a));
    const sharesKey = storyKeys(b).some((key) => keysA.has(key));
    return { pair, score: storySimilarity(a, b), sharesKey };
  });
}

/** Precision, recall and F1 when pairs scoring at least `t` are called the same story. */
function confusion(scored, t) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { pair, score } of scored) {
    const predicted = score >= t;
    const same = pair.label === 'same';
    if (predicted && same) tp++;
    else if (predicted) fp++;
    else if (same) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;

function report(name, pairs) {
  const scored = scorePairs(pairs);
  const same = scored.filter((s) => s.pair.label === 'same');
  const different = scored.filter((s) => s.pair.label !== 'same');
  console.log(`\n${name}: ${pairs.length} pairs (${same.length} same story, ${different.length} different stories)`);
  const at = confusion(scored, threshold);
  console.log(`  at threshold ${threshold}: precision ${pct(at.precision)} (${at.tp}/${at.tp + at.fp}), recall ${pct(at.recall)} (${at.tp}/${at.tp + at.fn}), F1 ${at.f1.toFixed(3)}`);
  console.log('  sweep:');
  for (const t of SWEEP) {
    const c = confusion(scored, t);
    console.log(`    ${t.toFixed(2)}  precision ${pct(c.precision).padStart(6)}  recall ${pct(c.recall).padStart(6)}  F1 ${c.f1.toFixed(3)}  (false merges ${c.fp}, missed ${c.fn})`);
  }
  const kinds = [...new Set(scored.map((s) => s.pair.kind))];
  console.log('  by kind (share called the same story):');
  for (const kind of kinds) {
    const ofKind = scored.filter((s) => s.pair.kind === kind);
    const called = ofKind.filter((s) => s.score >= threshold).length;
    console.log(`    ${kind.padEnd(11)} ${ofKind[0].pair.label.padEnd(9)} ${called}/${ofKind.length}`);
  }
  for (const lang of ['vi', 'en']) {
    const ofLang = scored.filter((s) => s.pair.lang === lang);
    if (ofLang.length === 0) continue;
    const c = confusion(ofLang, threshold);
    console.log(`  ${lang}: precision ${pct(c.precision)}, recall ${pct(c.recall)} over ${ofLang.length} pairs`);
  }
  const found = same.filter((s) => s.sharesKey).length;
  const foundAndCalled = same.filter((s) => s.sharesKey && s.score >= threshold).length;
  console.log(`  candidate lookup: ${found}/${same.length} same-story pairs share a key; end to end (key shared and score ≥ threshold): recall ${pct(foundAndCalled / same.length)}`);
  const errors = scored.filter((s) => (s.score >= threshold) !== (s.pair.label === 'same') || (s.pair.label === 'same' && !s.sharesKey));
  for (const s of verbose ? [...scored].sort((x, y) => x.score - y.score) : errors) {
    const mark = (s.score >= threshold) === (s.pair.label === 'same') ? '  ' : '✗ ';
    console.log(`    ${mark}${s.score.toFixed(3)} ${s.pair.label.padEnd(9)} ${s.sharesKey ? 'key ' : 'nokey'} ${s.pair.id}`);
  }
  return at;
}

function timing(pairs) {
  const texts = pairs.flatMap((pair) => [pair.a, pair.b]);
  const rounds = 200;
  let start = performance.now();
  let profiles = [];
  for (let r = 0; r < rounds; r++) profiles = texts.map((text) => storyProfile(text));
  const perProfile = ((performance.now() - start) * 1000) / (rounds * texts.length);
  start = performance.now();
  let sink = 0;
  for (let r = 0; r < rounds; r++) for (let i = 0; i + 1 < profiles.length; i += 2) sink += storySimilarity(profiles[i], profiles[i + 1]);
  const perCompare = ((performance.now() - start) * 1000) / ((rounds * profiles.length) / 2);
  console.log(`\nspeed: storyProfile ${perProfile.toFixed(1)} µs per item, storySimilarity ${perCompare.toFixed(2)} µs per pair${sink < 0 ? '' : ''}`);
}

const tuning = loadPairs('pairs.json');
if (tuning === null) throw new Error('fixtures/stories/pairs.json is missing');
report('pairs.json (tuning set)', tuning);
for (const [file, label] of [
  ['holdout.json', 'holdout.json (held out; seen once before the figure rule)'],
  ['holdout-2.json', 'holdout-2.json (held out, blind)'],
]) {
  const pairs = loadPairs(file);
  if (pairs !== null) report(label, pairs);
}
timing(tuning);
