/**
 * The package version and the User-Agent we send, read once from package.json
 * (src/version.ts and dist/version.js both sit one level below the package root).
 */
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The version in package.json, e.g. `0.1.0`. */
export const VERSION: string = packageJson.version;

/** Names us and points site owners at the project. */
export const USER_AGENT = `news/${VERSION} (+https://github.com/news-cli/news)`;
