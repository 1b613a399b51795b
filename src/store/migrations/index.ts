/**
 * Every schema migration, oldest first. Append new ones; never edit or reorder.
 */

import type { Migration } from '../migrate.js';
import { initial } from './0001-initial.js';
import { langSource } from './0002-lang-source.js';
import { sourcesRuns } from './0003-sources-runs.js';

export const MIGRATIONS: readonly Migration[] = [initial, langSource, sourcesRuns];
