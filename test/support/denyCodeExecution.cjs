// Preloaded with `node --require` by the security tests (with --disallow-code-generation-from-strings,
// which makes eval and new Function throw): every other way Node runs code that is not Trackplan's own
// throws and is recorded in TRACKPLAN_EXECUTION_LOG: starting a process or a worker, compiling a string
// with `vm`, loading a native addon, and resolving any module inside TRACKPLAN_WORKSPACE.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const log = process.env.TRACKPLAN_EXECUTION_LOG;
const workspace = process.env.TRACKPLAN_WORKSPACE ? fs.realpathSync(process.env.TRACKPLAN_WORKSPACE) : undefined;
function deny(what) {
	return function denied() {
		if (log) fs.appendFileSync(log, `${what}\n`);
		throw new Error(`code execution denied in tests: ${what}`);
	};
}
const childProcess = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) childProcess[name] = deny(`child_process.${name}`);
require('node:worker_threads').Worker = deny('worker_threads.Worker');
const vm = require('node:vm');
for (const name of ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'Script']) vm[name] = deny(`vm.${name}`);
process.dlopen = deny('process.dlopen');
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveFilename(request, ...rest) {
	const file = resolve.call(this, request, ...rest);
	if (workspace && path.isAbsolute(file) && (file === workspace || file.startsWith(workspace + path.sep))) deny(`require ${file}`)();
	return file;
};
