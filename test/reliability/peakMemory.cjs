// Preloaded (`node --require`) into a CLI run by the hostile-input tests: at exit, writes the
// process's peak resident memory (KB, from process.resourceUsage().maxRSS) to $TRACKPLAN_PEAK_LOG,
// so a test can bound the memory a hostile input costs the real CLI.
'use strict';
const { writeFileSync } = require('node:fs');

const log = process.env.TRACKPLAN_PEAK_LOG;
if (log) {
	process.on('exit', () => {
		try {
			writeFileSync(log, String(process.resourceUsage().maxRSS));
		} catch {
			// nowhere to report: the test sees no figure and says so
		}
	});
}
