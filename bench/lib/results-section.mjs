import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './api-process.mjs';

// bench/RESULTS.md is shared by every benchmark: each owns one "## <title>" section and replaces only that one
// (from its heading to the next "## " heading), so scripts run in any order without losing each other's figures.

export const RESULTS_FILE = path.join(ROOT, 'bench/RESULTS.md');

const HEADER = '# Benchmark results\n\nWritten by the scripts in `bench/` (see bench/README.md); each owns one section and replaces it on every run.\n';

/** Replaces the section headed `## ${title}` with `body` (markdown without "## " headings), or appends it. */
export function writeResultsSection(title, body) {
  const heading = `## ${title}`;
  const section = `${heading}\n\n${body.trim()}\n`;
  // Read right before writing: another script may have written its own section meanwhile.
  const current = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : HEADER;
  const lines = current.split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === heading);
  let next;
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${section}`;
  } else {
    let end = lines.findIndex((line, index) => index > start && /^## /.test(line));
    if (end === -1) end = lines.length;
    const before = lines.slice(0, start).join('\n').trimEnd();
    const after = lines.slice(end).join('\n').trim();
    next = `${before}\n\n${section}${after ? `\n${after}\n` : ''}`;
  }
  writeFileSync(RESULTS_FILE, next);
}

/** The JSON of a run, kept in bench/results/ (gitignored) beside the other benchmarks' runs. */
export function writeResultsJson(name, data) {
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2));
  return path.relative(ROOT, file);
}

/** The line every section carries: where and on what the figures were taken, and how busy the machine was. */
export function machineNote({ loadAtStart }) {
  const cpus = os.cpus();
  return [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}. The load generator, the API and PostgreSQL share ` +
      `the machine's ${cpus.length} cores, so every figure includes the client's own CPU time; load average at start ` +
      `${loadAtStart.map((value) => value.toFixed(1)).join(' / ')} (1/5/15 min): anything else running shows up in the figures.`,
    // A run of a proposed change must not pass for one of the checkout's API.
    ...(process.env.BENCH_API_DIST ? [`**API build: ${process.env.BENCH_API_DIST} (BENCH_API_DIST), not apps/api/dist.**`] : []),
    ...(process.env.PGOPTIONS ? [`**Server settings from PGOPTIONS: \`${process.env.PGOPTIONS}\`.**`] : []),
  ].join('\n');
}

/** A markdown table from a header row and rows of cells. */
export function markdownTable(header, rows) {
  const all = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, column) => Math.max(3, ...all.map((row) => row[column].length)));
  const format = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [format(all[0]), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...all.slice(1).map(format)].join('\n');
}
