import { appendFileSync } from 'node:fs';

let file;
export function initialize(data) {
  file = data?.file;
}
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (file && result.url.includes('/node_modules/')) appendFileSync(file, `${result.url}\n`);
  return result;
}
