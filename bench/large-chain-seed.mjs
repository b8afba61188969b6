// Builds the large chain the scale benchmarks run on (`npm run db:seed:large` into BENCH_LARGE_DATABASE_URL, default
// ims_large_chain) and writes how long it took to the "Large chain seed" section of bench/RESULTS.md. A chain that
// is already there is kept (it takes minutes to build) unless --rebuild is given.
//
//   npm run build && npm run bench:seed [-- --rebuild] [-- --anchor=2026-11-24]
import { ensureLargeChain } from './lib/large-chain.mjs';

const args = process.argv.slice(2);
const anchor = args.map((arg) => /^--anchor=(\d{4}-\d{2}-\d{2})$/.exec(arg)?.[1]).find(Boolean);
const unknown = args.filter((arg) => arg !== '--rebuild' && !arg.startsWith('--anchor='));
if (unknown.length > 0) {
  console.error(`unknown arguments: ${unknown.join(' ')} (use --rebuild, --anchor=YYYY-MM-DD)`);
  process.exit(2);
}
const started = Date.now();
const url = await ensureLargeChain({ log: (message) => console.log(`[seed] ${message}`), rebuild: args.includes('--rebuild'), options: anchor ? { anchorDate: anchor } : {} });
console.log(`[seed] ${new URL(url).pathname.slice(1)} ready after ${Math.round((Date.now() - started) / 1000)} s (a chain already there is kept: --rebuild builds it again)`);
