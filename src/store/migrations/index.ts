/**
 * Every schema migration, oldest first. Append new ones; never edit or reorder.
 */

import type { Migration } from '../migrate.js';
import { initial } from './0001-initial.js';
import { langSource } from './0002-lang-source.js';
import { sourcesRuns } from './0003-sources-runs.js';
import { search } from './0004-search.js';
import { stories } from './0005-stories.js';
import { lighterWrites } from './0006-lighter-writes.js';
import { urlHashIndex } from './0007-url-hash.js';
import { urlIndexTiers } from './0008-url-index-tiers.js';
import { ftsLeafSize } from './0009-fts-leaf-size.js';

export const MIGRATIONS: readonly Migration[] = [initial, langSource, sourcesRuns, search, stories, lighterWrites, urlHashIndex,
  urlIndexTiers, ftsLeafSize];
