import type { CodeRule } from '../codeRule';
import { codeGroupPropertyLimitRule } from './codeGroupPropertyLimitRule';
import { codeGroupTypeLimitRule } from './codeGroupTypeLimitRule';
import { dynamicPropertyWriteRule } from './dynamicPropertyWriteRule';
import { groupPropertiesIgnoredRule } from './groupPropertiesIgnoredRule';
import { identifyRequiredRule } from './identifyRequiredRule';
import { levelMismatchRule } from './levelMismatchRule';
import { missingEventGroupsRule } from './missingEventGroupsRule';
import { missingUserIdRule } from './missingUserIdRule';
import { nonNumericGroupValueRule } from './nonNumericGroupValueRule';
import { propertyTypeMismatchRule } from './propertyTypeMismatchRule';
import { segmentGroupFallbackRule } from './segmentGroupFallbackRule';
import { tooManyGroupsPerEventRule } from './tooManyGroupsPerEventRule';
import { undeclaredGroupPropertyRule } from './undeclaredGroupPropertyRule';
import { undeclaredGroupTypeRule } from './undeclaredGroupTypeRule';
import { unexpectedEventGroupRule } from './unexpectedEventGroupRule';
import { unknownEventRule } from './unknownEventRule';
import { unresolvedGroupTypeRule } from './unresolvedGroupTypeRule';

/** Every rule run over a source file's calls. */
export const codeRules: readonly CodeRule[] = [
	undeclaredGroupTypeRule,
	codeGroupTypeLimitRule,
	undeclaredGroupPropertyRule,
	codeGroupPropertyLimitRule,
	missingEventGroupsRule,
	unexpectedEventGroupRule,
	levelMismatchRule,
	dynamicPropertyWriteRule,
	propertyTypeMismatchRule,
	tooManyGroupsPerEventRule,
	groupPropertiesIgnoredRule,
	identifyRequiredRule,
	segmentGroupFallbackRule,
	nonNumericGroupValueRule,
	missingUserIdRule,
	unresolvedGroupTypeRule,
	unknownEventRule,
];
