/**
 * Every schema migration, oldest first. Append new ones; never edit or reorder.
 */

import type { Migration } from '../migrate.js';
import { initial } from './0001-initial.js';
import { langSource } from './0002-lang-source.js';

export const MIGRATIONS: readonly Migration[] = [initial, langSource];
