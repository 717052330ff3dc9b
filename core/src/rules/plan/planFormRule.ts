import type { PlanRule } from '../planRule';

/** plan-syntax, plan-schema and duplicate-key: what reading the plan found wrong with its form. */
export const planFormRule: PlanRule = {
	codes: ['plan-syntax', 'plan-schema', 'duplicate-key'],
	check: (plan) => [...plan.formFindings],
};
