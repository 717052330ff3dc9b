import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileGlob, SourceFilter } from '../../../core/src/workspace/globPattern';

describe('sources globs', () => {
	const cases: [string, string, boolean][] = [
		['**/*', 'web/src/App.tsx', true],
		['**/node_modules/**', 'node_modules/react/index.js', true],
		['**/node_modules/**', 'web/node_modules/react/index.js', true],
		['web/**', 'web/src/App.tsx', true],
		['web/**', 'api/src/server.ts', false],
		['**/*.test.ts', 'api/billing.test.ts', true],
		['**/*.test.ts', 'billing.test.ts', true],
		['*.test.ts', 'api/src/billing.test.ts', true], // no slash: any depth, as in .gitignore
		['src/*.{ts,tsx}', 'src/App.tsx', true],
		['src/*.{ts,tsx}', 'src/components/App.tsx', false],
		['dist/', 'dist/bundle.js', true],
		['a?c.js', 'abc.js', true],
		['[ab].js', 'c.js', false],
		['[!ab].js', 'c.js', true],
		['src/**/*.ts', 'src/a.ts', true],
		['src/**/*.ts', 'src/a/b/c.ts', true],
		['web/**', '../web/a.ts', false],
	];
	for (const [glob, path, expected] of cases) {
		it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(compileGlob(glob)(path), expected));
	}

	it('applies include then exclude', () => {
		const filter = new SourceFilter(['web/**', 'api/**'], ['**/*.test.ts', '**/dist/**']);
		assert.equal(filter.matches('web/src/App.tsx'), true);
		assert.equal(filter.matches('web/src/App.test.ts'), false);
		assert.equal(filter.matches('api/dist/server.js'), false);
		assert.equal(filter.matches('scripts/seed.ts'), false);
		assert.equal(filter.mayContain('api/dist'), false);
		assert.equal(filter.mayContain('api/src'), true);
	});
});
