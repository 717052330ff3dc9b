// code-server (VS Code 1.100 served to a browser) with our packaged extension installed, isolated
// from the machine: its own user-data, extensions, config and XDG folders under one temp folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { codeServerBin, requireFile, vsixPath } from './paths.mjs';
import { run, startProcess, waitFor } from './processes.mjs';

/** User settings that keep the workbench quiet and offline: nothing but our extension speaks up. */
export const quietSettings = {
	'workbench.startupEditor': 'none',
	'workbench.welcomePage.walkthroughs.openOnInstall': false,
	'workbench.tips.enabled': false,
	'workbench.enableExperiments': false,
	'workbench.settings.enableNaturalLanguageSearch': false,
	'workbench.editor.enablePreview': false,
	'workbench.editor.untitled.hint': 'hidden',
	'workbench.layoutControl.enabled': false,
	'telemetry.telemetryLevel': 'off',
	'security.workspace.trust.enabled': false,
	'security.workspace.trust.startupPrompt': 'never',
	'extensions.autoUpdate': false,
	'extensions.autoCheckUpdates': false,
	'extensions.ignoreRecommendations': true,
	'update.mode': 'none',
	'update.showReleaseNotes': false,
	'window.restoreWindows': 'none',
	'files.autoSave': 'off',
	'files.hotExit': 'off',
	'git.enabled': false,
	'git.autoRepositoryDetection': false,
	'git.openRepositoryInParentFolders': 'never',
	'github.gitAuthentication': false,
	'npm.autoDetect': 'off',
	'typescript.disableAutomaticTypeAcquisition': true,
	'typescript.tsserver.web.typeAcquisition.enabled': false,
	'typescript.surveys.enabled': false,
	'chat.commandCenter.enabled': false,
	'chat.disableAIFeatures': true,
	'editor.accessibilitySupport': 'off',
	// Completion must come from a provider (ours), not from words already in the file.
	'editor.wordBasedSuggestions': 'off',
	'editor.minimap.enabled': false,
	'editor.hover.delay': 300,
	'trackplan.trace.server': 'messages',
};

/** Creates the isolated folders, writes the settings and installs the .vsix into `extensionsDir`. */
export async function prepareCodeServer(baseDir) {
	requireFile(codeServerBin, 'run `bash scripts/e2e/install-code-server.sh` (npm run test:e2e does)');
	requireFile(vsixPath, 'run `npm run package` first (npm run test:e2e does)');
	const dirs = {
		userDataDir: path.join(baseDir, 'user-data'),
		extensionsDir: path.join(baseDir, 'extensions'),
		config: path.join(baseDir, 'code-server.yaml'),
		xdgConfig: path.join(baseDir, 'xdg-config'),
		xdgData: path.join(baseDir, 'xdg-data'),
	};
	for (const dir of [dirs.userDataDir, dirs.extensionsDir, dirs.xdgConfig, dirs.xdgData]) mkdirSync(dir, { recursive: true });
	mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
	writeFileSync(path.join(dirs.userDataDir, 'User', 'settings.json'), `${JSON.stringify(quietSettings, null, '\t')}\n`);
	// --auth none here and on the command line: code-server never writes a password file anywhere.
	writeFileSync(dirs.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
	const env = {
		...process.env,
		XDG_CONFIG_HOME: dirs.xdgConfig,
		XDG_DATA_HOME: dirs.xdgData,
		// code-server would otherwise use open-vsx.org as its gallery; nothing here needs one.
		EXTENSIONS_GALLERY: '{}',
	};
	const common = ['--config', dirs.config, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
	const installOutput = await run(codeServerBin, [...common, '--force', '--install-extension', vsixPath], { env, timeoutMs: 180_000 });
	const listed = await run(codeServerBin, [...common, '--list-extensions', '--show-versions'], { env });
	if (!/^trackplan\.trackplan@/m.test(listed)) {
		throw new Error(`trackplan.vsix did not install into ${dirs.extensionsDir}:\n${installOutput}\n${listed}`);
	}
	return { ...dirs, env, common, installed: listed.trim() };
}

/** Starts code-server on a free loopback port (port 0: it reports the one it got) and waits until it answers. */
export async function startCodeServer(prepared, workspaceDir, logFile) {
	const proc = startProcess(
		codeServerBin,
		[
			...prepared.common,
			'--auth', 'none',
			'--bind-addr', '127.0.0.1:0',
			'--disable-telemetry',
			'--disable-update-check',
			'--disable-workspace-trust',
			'--disable-getting-started-override',
			'--ignore-last-opened',
			workspaceDir,
		],
		{ env: prepared.env, logFile },
	);
	try {
		const url = await waitFor(
			() => {
				if (proc.child.exitCode !== null) throw Object.assign(new Error(`code-server exited with ${proc.child.exitCode}:\n${proc.output()}`), { fatal: true });
				return /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(proc.output())?.[1];
			},
			{ timeoutMs: 60_000, message: () => `code-server did not report its address:\n${proc.output()}` },
		);
		await waitFor(async () => (await fetch(`${url}/healthz`)).ok, { timeoutMs: 60_000, message: `${url}/healthz never answered` });
		return { url, workspaceUrl: `${url}/?folder=${encodeURIComponent(workspaceDir)}`, stop: () => proc.stop(), output: proc.output };
	} catch (error) {
		await proc.stop();
		throw error;
	}
}
