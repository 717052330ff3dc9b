import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { fsError, parseJson, reasonOf, RecordingFileSystem, tempWorkspace, trackplan, trackplanWith, type JsonOutput } from './hostileInputsSupport';

/**
 * A disk that fights back: symbolic link loops and links out of the workspace, files and folders
 * that cannot be read, files deleted or renamed while the check runs, and a plan whose `sources`
 * globs point outside its folder. Faults root cannot produce with chmod are injected through a
 * WorkspaceFileSystem wrapper that records every path Trackplan touches.
 */

const plan = 'groupTypes:\n  org: { level: any }\n';
const sdk = "import * as amplitude from '@amplitude/analytics-browser';";
const callWith = (type: string) => `${sdk}\namplitude.setGroup('${type}', 'x');\n`;

const inside = (root: string, file: string) => file === root || file.startsWith(`${root}${path.sep}`);
const reportedTypes = (output: JsonOutput) => output.diagnostics.map((d) => d.message.match(/Group type "([^"]+)"/)?.[1]).filter((t) => t !== undefined);

describe('symbolic links are never followed', () => {
	// The secret lives next to the workspace: a check that followed any of the links would report "outside_type".
	const outside = tempWorkspace({ 'secret.ts': callWith('outside_type'), 'tracking-plan.yaml': 'groupTypes:\n  outside_type: {}\n', 'nested/more.ts': callWith('outside_type') }, 'trackplan-outside-');
	const workspace = tempWorkspace({ 'tracking-plan.yaml': plan, 'src/app.ts': callWith('inside_type') });
	const link = (target: string, at: string) => symlinkSync(target, workspace.path(at));
	link('..', 'src/parent'); // a loop through the parent
	link('.', 'src/self'); // a loop on itself
	link('loop-b', 'src/loop-a'); // a cycle of links that resolves to nothing
	link('loop-a', 'src/loop-b');
	link('nowhere.ts', 'src/dangling.ts');
	link(outside.root, 'src/outside'); // a folder outside the workspace
	link(outside.path('secret.ts'), 'src/leak.ts'); // a source file outside
	link(outside.path('tracking-plan.yaml'), 'src/tracking-plan.yaml'); // a plan outside, governing src/
	link(path.join(outside.root, 'nested'), 'deep'); // a folder outside, at the root
	after(() => {
		workspace.remove();
		outside.remove();
	});

	it('the CLI checks the real files only, and finishes', (t) => {
		const run = trackplan(workspace.root, ['check', '.', '--format', 'json']);
		t.diagnostic(`CLI over 9 symbolic links (loops, dangling, out of the workspace): ${run.ms.toFixed(0)} ms, peak ${run.peakMb.toFixed(0)} MB`);
		assert.equal(run.timedOut, false);
		assert.equal(run.code, 1, run.stderr);
		const output = parseJson(run);
		assert.deepEqual(
			output.diagnostics.map((d) => [d.file, d.code]),
			[['src/app.ts', 'undeclared-group-type']],
		);
		assert.deepEqual(reportedTypes(output), ['inside_type']);
		assert.ok(run.ms < 10_000, `took ${run.ms.toFixed(0)} ms`);
	});

	it('never reads, lists or even looks at a path outside the workspace', async () => {
		const files = new RecordingFileSystem();
		const result = await trackplanWith(files, workspace.root, ['check', '.', '--format', 'json']);
		assert.equal(result.code, 1);
		const outsidePaths = files.paths().filter((p) => !inside(workspace.root, p));
		assert.deepEqual(outsidePaths, []);
		// Nothing behind a link is opened either.
		assert.deepEqual(
			files.paths('readFile').map((p) => path.relative(workspace.root, p)).sort(),
			['src/app.ts', 'tracking-plan.yaml'],
		);
	});

	it('a link named on the command line is not followed, and a FIFO named like a source file does not hang the check', () => {
		const fifo = workspace.path('src/pipe.ts');
		const made = spawnSync('mkfifo', [fifo]);
		const run = trackplan(workspace.root, ['check', 'src/leak.ts', 'src/outside', 'src', '--format', 'json'], 20_000);
		assert.equal(run.timedOut, false, 'the check finished');
		assert.deepEqual(reportedTypes(parseJson(run)), ['inside_type']);
		if (made.status === 0) unlinkSync(fifo);
	});
});

describe('unreadable files and folders are skipped and reported once', () => {
	const workspace = tempWorkspace({
		'tracking-plan.yaml': plan,
		'src/ok.ts': callWith('ok_type'),
		'src/locked.ts': callWith('locked_type'),
		'src/broken.ts': callWith('broken_type'),
		'src/unstattable.ts': callWith('unstattable_type'),
		'src/lockedFolder/inner.ts': callWith('inner_type'),
		'src/uses.ts': `import { X } from './locked';\n${callWith('uses_type')}`,
	});
	after(() => workspace.remove());
	const at = (relative: string) => workspace.path(relative);

	it('each unreadable file gets one file-skipped diagnostic and one line on stderr; an unreadable folder one line; the rest is checked', async () => {
		const files = new RecordingFileSystem((call, file) => {
			if (call === 'readFile' && file === at('src/locked.ts')) throw fsError('EACCES', 'open', file);
			if (call === 'readFile' && file === at('src/broken.ts')) throw fsError('EIO', 'read', file);
			if (call === 'stat' && file === at('src/unstattable.ts')) throw fsError('EACCES', 'lstat', file);
			if (call === 'readDirectory' && file === at('src/lockedFolder')) throw fsError('EACCES', 'scandir', file);
		});
		const result = await trackplanWith(files, workspace.root, ['check', '.', '--format', 'json']);
		assert.equal(result.code, 1, result.stderr);
		const output = JSON.parse(result.stdout) as JsonOutput;
		assert.deepEqual(
			output.diagnostics.map((d) => [d.file, d.code, reasonOf(d) ?? d.severity]).sort(),
			[
				['src/broken.ts', 'file-skipped', 'unreadable'],
				['src/locked.ts', 'file-skipped', 'unreadable'],
				['src/ok.ts', 'undeclared-group-type', 'error'],
				['src/unstattable.ts', 'file-skipped', 'unreadable'],
				['src/uses.ts', 'undeclared-group-type', 'error'],
			],
		);
		assert.match(output.diagnostics.find((d) => d.file === 'src/locked.ts')!.message, /could not be read \(EACCES: permission denied/);
		const skippedLines = result.stderr.split('\n').filter((line) => line.startsWith('trackplan: skipped'));
		assert.deepEqual(
			skippedLines.map((line) => path.relative(workspace.root, line.slice('trackplan: skipped '.length, line.indexOf(': ', 'trackplan: skipped '.length)))).sort(),
			['src/broken.ts', 'src/locked.ts', 'src/lockedFolder', 'src/unstattable.ts'],
		);
		// A file whose size cannot be known is not read at all (it might be over the cap), and nothing is read twice.
		const reads = files.paths('readFile');
		assert.ok(!reads.includes(at('src/unstattable.ts')));
		assert.equal(new Set(reads).size, reads.length, `read twice: ${reads.join(', ')}`);
	});
});

describe('files deleted or renamed while the check runs', () => {
	it('a file deleted between its stat and its read, or renamed away, is not reported on; one deleted after its folder was listed is not looked for', async () => {
		const workspace = tempWorkspace({
			'tracking-plan.yaml': plan,
			'src/stays.ts': callWith('stays_type'),
			'src/deleted.ts': callWith('deleted_type'),
			'src/renamed.ts': callWith('renamed_type'),
			'src/early.ts': callWith('early_type'),
			'src/gone/inner.ts': callWith('gone_type'),
		});
		try {
			const at = (relative: string) => workspace.path(relative);
			const files = new RecordingFileSystem((call, file) => {
				if (call === 'readFile' && file === at('src/deleted.ts')) unlinkSync(file);
				if (call === 'readFile' && file === at('src/renamed.ts')) renameSync(file, at('src/renamed-later.ts'));
				if (call === 'stat' && file === at('src/early.ts')) unlinkSync(file);
				if (call === 'readDirectory' && file === at('src/gone')) rmSync(file, { recursive: true });
			});
			const result = await trackplanWith(files, workspace.root, ['check', '.', '--format', 'json']);
			assert.equal(result.code, 1, result.stderr);
			const output = JSON.parse(result.stdout) as JsonOutput;
			assert.deepEqual(
				output.diagnostics.map((d) => [d.file, d.code]),
				[['src/stays.ts', 'undeclared-group-type']],
			);
			assert.doesNotMatch(result.stderr, /internal error/);
			assert.ok(!existsSync(at('src/deleted.ts')) && existsSync(at('src/renamed-later.ts')));
		} finally {
			workspace.remove();
		}
	});
});

describe("the plan's sources globs cannot take Trackplan outside the plan's folder", () => {
	const parent = tempWorkspace({
		'outside.ts': callWith('outside_type'),
		'sibling/other.ts': callWith('sibling_type'),
		'project/tracking-plan.yaml': [
			'sources:',
			'  include: ["../**", "/etc/**", "**/../../**", "../../**/*.ts", "/**", "../sibling/**", "**/*.ts"]',
			'  exclude: ["../**/node_modules/**"]',
			plan,
		].join('\n'),
		'project/src/app.ts': callWith('inside_type'),
	});
	const project = parent.path('project');
	after(() => parent.remove());

	for (const [name, cwd, args] of [
		['checking the plan folder', project, ['check', '.']],
		['checking it from outside', parent.root, ['check', 'project']],
		['checking one file', project, ['check', 'src/app.ts']],
	] as const) {
		it(`${name}: every path read, listed or looked at is inside it`, async () => {
			const files = new RecordingFileSystem();
			const result = await trackplanWith(files, cwd, [...args, '--format', 'json']);
			assert.equal(result.code, 1, result.stderr);
			assert.deepEqual(reportedTypes(JSON.parse(result.stdout) as JsonOutput), ['inside_type']);
			assert.deepEqual(files.paths('readFile').filter((p) => !inside(project, p)), []);
			assert.deepEqual(files.paths('readDirectory').filter((p) => !inside(project, p)), []);
			// Looking for a plan above a single file or folder stops at the first one found: the project's own.
			assert.deepEqual(files.paths('stat').filter((p) => !inside(project, p)), []);
		});
	}

	it('the real CLI, given the parent folder, still checks only what the plan governs', () => {
		mkdirSync(parent.path('project/node_modules'), { recursive: true });
		const run = trackplan(parent.root, ['check', '.', '--format', 'json']);
		assert.equal(run.code, 1, run.stderr);
		assert.deepEqual(reportedTypes(parseJson(run)), ['inside_type']);
		assert.deepEqual(
			parseJson(run).calls.map((c) => c.file),
			['project/src/app.ts'],
		);
	});
});
