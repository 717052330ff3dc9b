import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { documentSelector } from '../../client/src/documentSelector';
import { defaultFileKinds } from '../../core/src/scan/defaultFileKinds';
import { defaultFrontEnds } from '../../core/src/scan/frontEnds';
import { sourceExtensions, sourceLanguageIds } from '../../core/src/scan/sourceFileKinds';
import { repoRoot } from '../support/paths';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const frontEndFiles = defaultFrontEnds.map((frontEnd) => frontEnd.files);

describe('the one list of source file kinds (the front ends)', () => {
	it('the parser-free list the client bundles is the front ends’ own', () => {
		assert.equal(defaultFileKinds.length, frontEndFiles.length);
		defaultFileKinds.forEach((kinds, index) => assert.equal(kinds, frontEndFiles[index]));
	});

	it('each front end handles exactly the extensions it declares, in any case', () => {
		for (const frontEnd of defaultFrontEnds) {
			for (const extension of frontEnd.files.extensions) {
				assert.ok(frontEnd.handles(`file:///w/a${extension}`), extension);
				assert.ok(frontEnd.handles(`file:///w/A${extension.toUpperCase()}`), extension.toUpperCase());
			}
			for (const other of ['.yaml', '.json', '.py', '.pyi', '.ts', '.md'].filter((extension) => !frontEnd.files.extensions.includes(extension))) assert.equal(frontEnd.handles(`file:///w/a${other}`), false, other);
		}
	});

	it('includes the TypeScript module extensions .mts and .cts', () => {
		assert.ok(sourceExtensions(frontEndFiles).includes('.mts'));
		assert.ok(sourceExtensions(frontEndFiles).includes('.cts'));
	});

	it("the client's document selector: plans, and every front end's languages", () => {
		assert.deepEqual(documentSelector, [
			{ scheme: 'file', pattern: '**/tracking-plan.{yaml,yml}' },
			...sourceLanguageIds(frontEndFiles).map((language) => ({ scheme: 'file', language })),
		]);
		assert.deepEqual(sourceLanguageIds(frontEndFiles), ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'vue', 'svelte', 'html', 'python']);
	});

	it("the manifest's snippets and activation name only languages a front end reads", () => {
		const languages = new Set(sourceLanguageIds(frontEndFiles));
		const snippetLanguages: string[] = manifest.contributes.snippets.map((snippet: { language: string }) => snippet.language);
		assert.ok(snippetLanguages.length > 0);
		for (const language of snippetLanguages) assert.ok(languages.has(language), `snippets for ${language}, which no front end reads`);
		const activationLanguages = (manifest.activationEvents as string[]).filter((event) => event.startsWith('onLanguage:')).map((event) => event.slice('onLanguage:'.length));
		for (const language of activationLanguages) assert.ok(languages.has(language), `activation on ${language}, which no front end reads`);
	});
});
