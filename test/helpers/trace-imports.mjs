// Loaded with `node --import`: logs every package module the process resolves to the
// file named by NEWS_TRACE_IMPORTS, so a test can assert what a command loaded.
import { register } from 'node:module';

register(new URL('./trace-imports-hooks.mjs', import.meta.url), { data: { file: process.env.NEWS_TRACE_IMPORTS } });
