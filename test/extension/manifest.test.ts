import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ruleCatalog } from '../../core/src/index';
import { repoRoot } from '../support/paths';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

describe('the extension manifest', () => {
	it('has a per-rule severity setting for every rule code, defaulting to the catalogue', () => {
		const properties = manifest.contributes.configuration.properties;
		for (const rule of Object.values(ruleCatalog)) {
			const setting = properties[`trackplan.rules.${rule.code}`];
			assert.ok(setting, `trackplan.rules.${rule.code} is missing`);
			assert.equal(setting.default, rule.defaultSeverity, rule.code);
			assert.deepEqual(setting.enum, ['off', 'hint', 'information', 'warning', 'error']);
			assert.equal(setting.scope, 'resource');
		}
		for (const key of ['trackplan.plan', 'trackplan.include', 'trackplan.exclude', 'trackplan.trace.server']) assert.ok(properties[key], key);
	});

	it('activates only where a tracking plan exists, and works in untrusted workspaces', () => {
		assert.deepEqual(manifest.activationEvents, ['workspaceContains:**/tracking-plan.{yaml,yml}']);
		assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
		// The workspace's own settings cannot point the plan elsewhere until the user trusts it.
		assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['trackplan.plan']);
		assert.ok(!manifest.activationEvents.some((e: string) => e.startsWith('onLanguage:')));
	});

	it('puts every command in the Trackplan category', () => {
		for (const command of manifest.contributes.commands) assert.equal(command.category, 'Trackplan', command.command);
		const ids = manifest.contributes.commands.map((c: { command: string }) => c.command);
		for (const id of ['trackplan.restartServer', 'trackplan.showOutput', 'trackplan.checkWorkspace', 'trackplan.openPlan']) assert.ok(ids.includes(id), id);
	});

	it('contributes the plan schema and VS Code-format snippets that exist', () => {
		for (const contribution of [...manifest.contributes.yamlValidation, ...manifest.contributes.snippets]) {
			const file = path.join(repoRoot, contribution.url ?? contribution.path);
			assert.ok(existsSync(file), file);
		}
		const files = new Set<string>(manifest.contributes.snippets.map((s: { path: string }) => s.path));
		for (const file of files) {
			const snippets = JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8'));
			assert.ok(Object.keys(snippets).length > 0, file);
			for (const [name, snippet] of Object.entries<{ prefix: unknown; body: unknown; description: unknown }>(snippets)) {
				assert.ok(Array.isArray(snippet.prefix) || typeof snippet.prefix === 'string', name);
				assert.ok(Array.isArray(snippet.body), name);
				assert.equal(typeof snippet.description, 'string', name);
			}
		}
		assert.deepEqual(
			manifest.contributes.snippets.map((s: { language: string }) => s.language).sort(),
			['javascript', 'javascriptreact', 'python', 'typescript', 'typescriptreact'],
		);
	});
});
