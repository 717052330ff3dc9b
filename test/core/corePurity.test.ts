import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { impureImports, impureImportsUnder } from '../support/coreImports';
import { repoRoot } from '../support/paths';

describe('the core stays pure', () => {
	it('no file under core/src imports vscode, the language server or Node built-ins', () => {
		assert.deepEqual(impureImportsUnder(path.join(repoRoot, 'core/src')), []);
	});

	it('the check catches every way of importing them', () => {
		const offending = [
			"import { Connection } from 'vscode-languageserver';",
			"import type { Diagnostic } from 'vscode-languageserver/node';",
			"import * as vscode from 'vscode';",
			"const fs = require('fs');",
			"import { readFile } from 'node:fs/promises';",
			"export { x } from 'vscode-languageclient';",
			"const p = import('path');",
		].join('\n');
		assert.deepEqual(
			impureImports('bad.ts', offending).map((v) => v.specifier),
			['vscode-languageserver', 'vscode-languageserver/node', 'vscode', 'fs', 'node:fs/promises', 'vscode-languageclient', 'path'],
		);
		assert.deepEqual(impureImports('ok.ts', "import { parseDocument } from 'yaml';\nimport { x } from './y';\n// import 'vscode'"), []);
	});
});
