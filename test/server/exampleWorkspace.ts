import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { toUri } from '../../node/src/nodeFileSystem';
import { repoRoot } from '../support/paths';

/** A fresh copy of examples/acme-saas in a temp folder, with helpers to name its files. */
export function copyOfExample(): { folder: string; uri: (relative: string) => string; text: (relative: string) => string } {
	return copyOfWorkspace(path.join(repoRoot, 'examples/acme-saas'));
}

/** A fresh copy of a workspace folder (a path) in a temp folder, with helpers to name its files. */
export function copyOfWorkspace(source: string): { folder: string; uri: (relative: string) => string; text: (relative: string) => string } {
	const folder = mkdtempSync(path.join(tmpdir(), 'trackplan-server-'));
	cpSync(source, folder, { recursive: true });
	return {
		folder,
		uri: (relative) => toUri(path.join(folder, relative)),
		text: (relative) => readFileSync(path.join(folder, relative), 'utf8'),
	};
}

/** The 0-based position of the `occurrence`-th match of `needle` in `text`, plus `shift` characters. */
export function positionOf(text: string, needle: string, shift = 0, occurrence = 0): { line: number; character: number } {
	let at = -1;
	for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
	if (at < 0) throw new Error(`"${needle}" not found`);
	const before = text.slice(0, at + shift);
	const line = before.split('\n').length - 1;
	return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
