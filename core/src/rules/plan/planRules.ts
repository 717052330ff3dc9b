import type { PlanRule } from '../planRule';
import { planFormRule } from './planFormRule';
import { planGroupPropertyLimitRule } from './planGroupPropertyLimitRule';
import { planGroupTypeLimitRule } from './planGroupTypeLimitRule';
import { unknownGroupReferenceRule } from './unknownGroupReferenceRule';

/** Every rule run over a tracking plan, in reporting order. */
export const planRules: readonly PlanRule[] = [planFormRule, planGroupTypeLimitRule, planGroupPropertyLimitRule, unknownGroupReferenceRule];
