// Writes schemas/tracking-plan.schema.json from the plan shape in the core (a test keeps them equal).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { planJsonSchema } = require('../out/core/src/plan/planJsonSchema.js');
writeFileSync(new URL('../schemas/tracking-plan.schema.json', import.meta.url), `${JSON.stringify(planJsonSchema(), null, '\t')}\n`);
