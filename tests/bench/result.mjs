// Each benchmark writes its measurements to target/bench/raw/<id>.json; `cargo xtask bench`
// turns them into target/bench/report.{md,json} (medians, min, max, ratios, targets).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const BENCH_DIR = resolve(process.env.BENCH_DIR ?? new URL('../../target/bench', import.meta.url).pathname);

/**
 * Saves one benchmark's runs.
 * `ours` and each of `peers`: { name, runs: [numbers] }; `target`: { of: 'median' | 'ratio',
 * op: '<' | '<=' | '>' | '>=', value } (a ratio is ours / the first peer), or a list of them that must all
 * hold; `notes`: lines for the report.
 */
export function saveResult({ id, title, unit, better, ours, peers = [], target, notes = [] }) {
  const dir = join(BENCH_DIR, 'raw');
  mkdirSync(dir, { recursive: true });
  const result = { id, title, unit, better, ours, peers, target, notes };
  writeFileSync(join(dir, `${id}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`${id} ${title}: ours ${JSON.stringify(ours.runs)} ${unit}`
    + peers.map((p) => `; ${p.name} ${JSON.stringify(p.runs)}`).join(''));
}

/** The median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
