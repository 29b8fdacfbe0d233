// Turns target/bench/raw/*.json into target/bench/report.json and report.md: for each
// benchmark our median, min and max, each peer's, the ratio (ours / peer, measured in the
// same run), the target and whether it is met; then the history (tests/bench/history.md).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, median } from './result.mjs';

const ORDER = ['P1', 'P1-weak', 'P2', 'P2-cpu', 'P2-tus-js-client', 'P2-tus-js-client-cpu', 'P3', 'P4', 'P5', 'P5-cpu4x', 'P6', 'P7', 'P7-postgres'];
const COMPARE = { '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b };
const rank = (id) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);
const round = (x) => (x === null ? null : Math.round(x * 100) / 100);
const summary = (runs) => ({ median: round(median(runs)), min: round(Math.min(...runs)), max: round(Math.max(...runs)), runs });

const raw = readdirSync(join(BENCH_DIR, 'raw')).filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(BENCH_DIR, 'raw', f), 'utf8')))
  .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));

const benchmarks = raw.map((b) => {
  const ours = { name: b.ours.name, ...summary(b.ours.runs) };
  const peers = b.peers.map((p) => {
    const s = summary(p.runs);
    return { name: p.name, ...s, ratio: round(ours.median / s.median) };
  });
  const ratio = peers[0]?.ratio ?? null;
  // One target, or several that must all hold; none: measured for the record (met is null).
  const targets = [b.target].flat();
  const met = targets.length === 0 ? null : targets.every((target) => {
    const measured = target.of === 'ratio' ? ratio : ours.median;
    return measured !== null && COMPARE[target.op](measured, target.value);
  });
  return { id: b.id, title: b.title, unit: b.unit, better: b.better, ours, peers, ratio, target: b.target, met, notes: b.notes };
});

writeFileSync(join(BENCH_DIR, 'report.json'), `${JSON.stringify({ generated: new Date().toISOString(), benchmarks }, null, 2)}\n`);

const targetText = (b) => ([b.target].flat().length === 0 ? ['none (measured)'] : [b.target].flat().map((t) => `${t.of === 'ratio' ? 'ratio' : 'median'} ${t.op} ${t.value}${t.of === 'ratio' ? 'x' : ` ${b.unit}`}`)).join(' and ');
const lines = [
  '# Benchmarks', '',
  `Generated ${new Date().toISOString()} by \`cargo xtask bench\` on this machine; ratio = ours / the first peer, both measured in this run.`, '',
  '| | Benchmark | Ours: median (min-max) | Peer: median | Ratio | Target | Met |',
  '|---|---|---|---|---|---|---|',
  ...benchmarks.map((b) => `| ${b.id} | ${b.title} | ${b.ours.median} ${b.unit} (${b.ours.min}-${b.ours.max}) | `
    + `${b.peers.map((p) => `${p.name}: ${p.median} ${b.unit}`).join('<br>') || '-'} | `
    + `${b.peers.map((p) => `${p.ratio}x`).join('<br>') || '-'} | ${targetText(b)} | ${b.met === null ? '-' : b.met ? 'yes' : '**no**'} |`),
  '', '## Details', '',
  ...benchmarks.flatMap((b) => [`### ${b.id}: ${b.title}`, '', `Ours (${b.ours.name}): runs ${b.ours.runs.join(', ')} ${b.unit}.`,
    ...b.peers.map((p) => `${p.name}: runs ${p.runs.join(', ')} ${b.unit}.`), '', ...b.notes.map((n) => `- ${n}`), '']),
];
let history = '';
try {
  history = readFileSync(new URL('./history.md', import.meta.url), 'utf8');
} catch {
  history = '';
}
writeFileSync(join(BENCH_DIR, 'report.md'), `${lines.join('\n')}\n${history ? `\n${history}` : ''}`);
console.log(lines.slice(4, 6 + benchmarks.length).join('\n'));
console.log(`\nreports: ${join(BENCH_DIR, 'report.md')} and report.json`);
