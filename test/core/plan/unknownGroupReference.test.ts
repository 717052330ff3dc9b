import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lines, markedText } from '../../support/markedText';
import { expectedSummary, planFindings, summarise } from '../../support/planFindings';

describe('unknown-group-reference', () => {
	it("flags an event's groups entry that is not a declared group type, with a suggestion", () => {
		const { text, ranges } = markedText(
			lines(
				'groupTypes:',
				'  company: { level: user }',
				'  workspace: { level: event }',
				'events:',
				'  Report Exported:',
				'    groups: [company, «workspce»]',
				'  Seat Added:',
				'    groups:',
				'      - «billing»',
			),
		);
		const findings = planFindings(text);
		assert.deepEqual(summarise(findings), expectedSummary('unknown-group-reference', 'error', ranges));
		assert.deepEqual(findings[0]!.data, {
			rule: 'unknown-group-reference',
			reference: 'event-group',
			name: 'workspce',
			owner: 'Report Exported',
			suggestion: 'workspace',
		});
		assert.match(findings[0]!.message, /Did you mean "workspace"\?/);
		assert.equal((findings[1]!.data as { suggestion?: string }).suggestion, undefined);
	});

	it('flags a displayProperty that is not a property of its group type', () => {
		const { text, ranges } = markedText(
			lines(
				'groupTypes:',
				'  company:',
				'    value: numeric',
				'    displayProperty: «Acount Name»',
				'    properties:',
				'      Account Name: { type: string }',
				'  team:',
				'    displayProperty: Team Name',
				'    properties:',
				'      Team Name: { type: string }',
			),
		);
		const findings = planFindings(text);
		assert.deepEqual(summarise(findings), expectedSummary('unknown-group-reference', 'error', ranges));
		assert.equal((findings[0]!.data as { suggestion?: string }).suggestion, 'Account Name');
	});
});
