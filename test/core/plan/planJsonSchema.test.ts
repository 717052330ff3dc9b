import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parseDocument } from 'yaml';
import { planJsonSchema } from '../../../core/src/index';
import { repoRoot } from '../../support/paths';

const schemaPath = path.join(repoRoot, 'schemas/tracking-plan.schema.json');

describe('schemas/tracking-plan.schema.json', () => {
	it('is exactly what the plan shape generates (run `npm run schema` after changing the shape)', () => {
		assert.deepEqual(JSON.parse(readFileSync(schemaPath, 'utf8')), planJsonSchema());
	});

	it('describes every key, so hovers in any YAML tool explain the plan', () => {
		const missing: string[] = [];
		const walk = (schema: Record<string, unknown>, at: string) => {
			if (typeof schema.description !== 'string' || schema.description.length < 8) missing.push(at);
			for (const [key, child] of Object.entries((schema.properties as Record<string, Record<string, unknown>>) ?? {})) walk(child, `${at}.${key}`);
			const additional = schema.additionalProperties as { anyOf?: Record<string, unknown>[] } | undefined;
			if (additional?.anyOf) walk(additional.anyOf[0]!, `${at}.*`);
			if (schema.items) walk(schema.items as Record<string, unknown>, `${at}[]`);
		};
		walk(planJsonSchema(), '$');
		assert.deepEqual(missing, []);
	});

	it('agrees with the validator on the example plan and on a broken one', () => {
		const validate = new Ajv({ allErrors: true, strict: false }).compile(planJsonSchema());
		const example = parseDocument(readFileSync(path.join(repoRoot, 'examples/acme-saas/tracking-plan.yaml'), 'utf8')).toJS();
		assert.ok(validate(example), JSON.stringify(validate.errors));
		assert.equal(validate({ groupTypes: { company: { level: 'users' } } }), false);
		assert.equal(validate({ groupTypes: { company: { descripton: 'x' } } }), false);
	});
});
