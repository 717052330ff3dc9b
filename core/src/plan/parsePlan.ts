import type { Document } from 'yaml';
import type { FindingDraft } from '../diagnostics/finding';
import type { TextRange } from '../text/textRange';
import { buildPlanModel } from './buildPlanModel';
import type { PlanModel } from './planModel';
import { planShape } from './planShape';
import { planTooLargeMessage, type PlanTooLarge } from './planSizeLimit';
import { validatePlanShape } from './validatePlanShape';
import { findAliasBomb, parsePlanYaml, YamlNodeReader } from './yamlNodes';

/** A tracking plan read from its text: the YAML tree (for edits), the typed model, and what is wrong with its form. */
export interface ParsedPlan {
	readonly uri: string;
	readonly text: string;
	readonly document: Document.Parsed;
	readonly model: PlanModel;
	/** plan-syntax, plan-schema and duplicate-key findings, found while reading. */
	readonly formFindings: readonly FindingDraft[];
	/** Set when the plan was not read for its size: its model is empty, and the files it governs are not checked. */
	readonly tooLarge?: PlanTooLarge;
}

/** A plan from its text; or, given `tooLarge`, the stand-in for a plan too large to read (one plan-syntax finding, nothing declared). */
export function parsePlan(uri: string, text: string, tooLarge?: PlanTooLarge): ParsedPlan {
	if (tooLarge) {
		const empty = parsePlan(uri, '');
		return { ...empty, formFindings: [{ uri, range: { start: 0, end: 0 }, code: 'plan-syntax', message: planTooLargeMessage(tooLarge) }], tooLarge };
	}
	const document = parsePlanYaml(text);
	const reader = new YamlNodeReader(document);
	const root = reader.resolve(document.contents);
	const schemaFindings = document.errors.length > 0 && root === null ? [] : validatePlanShape(uri, root, planShape, reader);
	const model = buildPlanModel(uri, root, reader);

	const syntax = (range: TextRange, message: string): FindingDraft => ({ uri, range, code: 'plan-syntax', message });
	// yaml reports running out of stack (a plan nested thousands of levels deep) at every level it unwinds: say it once, plainly.
	const tooDeep = document.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION');
	const syntaxFindings: FindingDraft[] = document.errors
		.filter((error) => error.code !== 'RESOURCE_EXHAUSTION')
		.map((error) => syntax(clamp({ start: error.pos[0], end: error.pos[1] }, text.length), `${sentence(error.message)} The plan cannot be read reliably until this is fixed.`));
	if (tooDeep) {
		syntaxFindings.push(
			syntax(
				clamp({ start: tooDeep.pos[0], end: tooDeep.pos[1] }, text.length),
				'The plan is nested too deeply to read (thousands of levels of lists or mappings); what lies below this point is ignored. A tracking plan needs only a few levels.',
			),
		);
	}
	for (const range of reader.unknownAliases.values()) {
		syntaxFindings.push(syntax(range, 'This alias points at no anchor, so its value is missing. Define the anchor (&name) before using it.'));
	}
	// Only anchored nodes can be expanded; most plans have none, and then the walk is skipped.
	const bomb = /(^|[\s[{,])&\S/.test(text) ? findAliasBomb(document) : undefined;
	const bombRange = bomb?.range ?? reader.aliasBudgetExceededAt;
	if (bombRange) {
		const size = bomb ? ` expands to ${bomb.size.toLocaleString('en-US')} nodes` : ' is followed too many times';
		syntaxFindings.push(
			syntax(
				bombRange,
				`This alias${size} (an "alias bomb"); Trackplan does not follow such aliases, and other YAML tools may hang on them. Write the entries out instead of nesting aliases.`,
			),
		);
	}
	return { uri, text, document, model, formFindings: [...syntaxFindings, ...schemaFindings] };
}

function sentence(message: string): string {
	const trimmed = message.trim();
	return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function clamp(range: TextRange, length: number): TextRange {
	const start = Math.max(0, Math.min(range.start, length));
	return { start, end: Math.max(start, Math.min(range.end, length)) };
}
