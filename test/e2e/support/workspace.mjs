// A disposable copy of examples/acme-saas for one suite, and the plan edit that gives it a plan finding.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exampleWorkspace } from './paths.mjs';

/** Copies the example workspace to a fresh temporary folder; `remove()` deletes it. */
export function copyExampleWorkspace(label) {
	const root = mkdtempSync(path.join(os.tmpdir(), `trackplan-e2e-${label}-`));
	const dir = path.join(root, 'acme-saas');
	cpSync(exampleWorkspace, dir, { recursive: true });
	return {
		root,
		dir,
		plan: path.join(dir, 'tracking-plan.yaml'),
		file: (relative) => path.join(dir, ...relative.split('/')),
		remove: () => rmSync(root, { recursive: true, force: true }),
	};
}

/**
 * Misspells `description:` as `descripton:` on the `team` group type, so the plan has a
 * `plan-schema` finding ("unknown key … did you mean description"). Returns where the typo is.
 */
export function misspellTeamDescription(planFile) {
	const text = readFileSync(planFile, 'utf8');
	const team = text.indexOf('\n  team:\n');
	const key = team < 0 ? -1 : text.indexOf('    description:', team);
	if (key < 0) throw new Error(`${planFile}: expected a "team" group type with a description (did examples/acme-saas change?)`);
	const edited = `${text.slice(0, key)}    descripton:${text.slice(key + '    description:'.length)}`;
	writeFileSync(planFile, edited);
	return { ...positionOf(edited, 'descripton', key + 4), key: 'descripton' };
}

/** 0-based LSP position of the first `needle` in `text` (or of the offset `fromOffset` when given). */
export function positionOf(text, needle, fromOffset) {
	const offset = fromOffset ?? text.indexOf(needle);
	if (offset < 0) throw new Error(`"${needle}" not found`);
	const before = text.slice(0, offset);
	const line = before.split('\n').length - 1;
	return { line, character: offset - (before.lastIndexOf('\n') + 1), offset };
}

/** Where `needle` starts in a file, on the first line that also contains `lineMarker`. */
export function findInFile(file, lineMarker, needle) {
	const lines = readFileSync(file, 'utf8').split('\n');
	const line = lines.findIndex((candidate) => candidate.includes(lineMarker) && candidate.includes(needle));
	if (line < 0) throw new Error(`${file}: no line contains both ${JSON.stringify(lineMarker)} and ${JSON.stringify(needle)}`);
	return { line, character: lines[line].indexOf(needle), lineText: lines[line] };
}
