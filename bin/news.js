#!/usr/bin/env node
// Tiny shim: the CLI lives in the compiled dist/ tree (built on install by `prepare`).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
