import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestName } from '../../core/src/index';

describe('closestName', () => {
	const declared = ['company', 'workspace', 'org_id', 'Account Name'];
	it('finds typos, transpositions and case/separator slips', () => {
		assert.equal(closestName('compnay', declared), 'company');
		assert.equal(closestName('workspce', declared), 'workspace');
		assert.equal(closestName('orgId', declared), 'org_id');
		assert.equal(closestName('account_name', declared), 'Account Name');
	});
	it('suggests nothing for unrelated names or for the name itself', () => {
		assert.equal(closestName('billing', declared), undefined);
		assert.equal(closestName('company', ['company']), undefined);
	});
});
