// Preloaded (`node -r bench/countParses.cjs out/server/src/main.js --stdio`) into the tsc build of
// the server, whose modules share one require cache: counts WorkspaceIndex source scans (= parses)
// and, on SIGUSR2, writes the running count to $BENCH_PARSE_COUNT_FILE. Benchmark-only; the
// bundled dist/server.js cannot be patched this way.
const { writeFileSync } = require('node:fs');
const path = require('node:path');
const { WorkspaceIndex } = require(path.join(__dirname, '..', 'out', 'core', 'src', 'workspaceIndex', 'workspaceIndex.js'));

let parses = 0;
const scan = WorkspaceIndex.prototype.scan;
if (typeof scan !== 'function') throw new Error('bench/countParses: WorkspaceIndex.prototype.scan not found (the index changed; update the bench)');
WorkspaceIndex.prototype.scan = function countedScan(...args) {
	parses++;
	return scan.apply(this, args);
};
process.on('SIGUSR2', () => {
	if (process.env.BENCH_PARSE_COUNT_FILE) writeFileSync(process.env.BENCH_PARSE_COUNT_FILE, String(parses));
});
