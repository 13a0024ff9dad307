/**
 * The first-visit JavaScript budget (SPEC: at most 160 KB gzip on a first visit): reads the built
 * site in dist/ and prints the gzip size of what index.html loads, and of the rest, chunk by chunk.
 * Run `npm run build` first; without dist/ it says so and measures nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget for JavaScript loaded by the first page view, in KiB of gzip. */
export const FIRST_VISIT_BUDGET_KIB = 160;

/** The gzip KiB of JavaScript that `dist/index.html` loads, or undefined before a build. */
export function firstVisitKib(dist = 'dist'): number | undefined {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return undefined;
  let total = 0;
  for (const path of initialScripts(readFileSync(index, 'utf8'))) {
    total += gzipSync(readFileSync(join(dist, path))).length / 1024;
  }
  return total;
}

/** The scripts index.html loads (module entry and preloads), as paths under dist/. */
function initialScripts(html: string): Set<string> {
  return new Set(
    [...html.matchAll(/(?:src|href)="(?:\.\/|\/)(assets\/[^"]+\.js)"/g)].map((match) => match[1]!),
  );
}

/** Print the first-visit JavaScript size against the budget. */
export function reportBundleSize(dist = 'dist'): void {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    console.log('bundle: no dist/index.html; run `npm run build` first to measure the bundle.');
    return;
  }
  const html = readFileSync(index, 'utf8');
  const initial = initialScripts(html);
  const kib = (path: string) => gzipSync(readFileSync(join(dist, path))).length / 1024;
  let first = 0;
  const rows: string[] = [];
  for (const path of initial) {
    const size = kib(path);
    first += size;
    rows.push(`  first visit  ${size.toFixed(1).padStart(7)} KiB  ${path}`);
  }
  const later = readdirSync(join(dist, 'assets'))
    .filter((name) => name.endsWith('.js') && !initial.has(`assets/${name}`))
    .map((name) => ({ name, size: kib(`assets/${name}`) }))
    .sort((a, b) => b.size - a.size);
  for (const { name, size } of later) {
    rows.push(`  later        ${size.toFixed(1).padStart(7)} KiB  assets/${name}`);
  }
  const verdict = first <= FIRST_VISIT_BUDGET_KIB ? 'within' : 'OVER';
  console.log(
    `bundle: first visit ${first.toFixed(1)} KiB gzip of JavaScript, ${verdict} the ${FIRST_VISIT_BUDGET_KIB} KiB budget; the other chunks are fetched after it (Compose's HTML highlighting and preview just after the first paint, the rest when a workspace or feature first needs them)`,
  );
  console.log(rows.join('\n'));
}
