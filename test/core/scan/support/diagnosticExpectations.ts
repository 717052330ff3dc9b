import { isRuleCode } from '../../../../core/src/diagnostics/ruleCodes';
import { readExpectations } from './fixtureExpectations';

/**
 * The `diag=` part of the call fixtures' annotations (see test/fixtures/calls/README.md): the rule
 * codes of the diagnostics whose range starts on that line, as a multiset.
 *
 *   // expect: <sdk> <kind> … diag=<code>,<code>     on the line where a call starts (`diag=-` or no
 *                                                    `diag=`: no diagnostic starts on that line)
 *   // expect: none                                  a look-alike: no diagnostic on that line
 *   // diag=<code>,<code> [note]                     any other line where a diagnostic starts (the
 *                                                    event name of a multi-line call, the
 *                                                    `identify.set('name', …)` statement of an
 *                                                    Identify built before the call); text after the
 *                                                    list is a note for the reader
 */
export interface DiagnosticExpectation {
	/** 0-based line. */
	readonly line: number;
	/** Rule codes, sorted (a multiset). */
	readonly codes: readonly string[];
	/** `expect: none`: a look-alike. */
	readonly lookAlike: boolean;
	/** The annotation as written, for failure messages. */
	readonly source: string;
}

const standalone = /(?:\/\/|\/\*|<!--|#)\s*diag=(\S*)/;

/** Every annotated line of a fixture with the diagnostics expected to start on it. Throws on malformed annotations. */
export function readDiagnosticExpectations(text: string, file: string): Map<number, DiagnosticExpectation> {
	const byLine = new Map<number, DiagnosticExpectation>();
	for (const [line, expectations] of readExpectations(text)) {
		const where = `${file}:${line + 1}`;
		const lookAlike = expectations.some((e) => e.none);
		if (lookAlike && expectations.some((e) => !e.none || [...e.flags].some((flag) => flag.startsWith('diag=')))) {
			throw new Error(`${where}: an "expect: none" line cannot carry another expectation or a diag= list`);
		}
		const codes = expectations.flatMap((e) => [...(e.values.get('diag') ?? [])]);
		byLine.set(line, { line, codes: checked(codes, where), lookAlike, source: expectations.map((e) => e.source).join(' | ') });
	}
	text.split(/\r\n|\n|\r/).forEach((lineText, line) => {
		if (byLine.has(line)) return;
		const match = standalone.exec(lineText);
		if (!match) return;
		const where = `${file}:${line + 1}`;
		const list = match[1]!.replace(/(?:\*\/|-->)$/, '');
		const codes = list === '-' || list === '' ? [] : list.split(',');
		byLine.set(line, { line, codes: checked(codes, where), lookAlike: false, source: `diag=${list}` });
	});
	return byLine;
}

function checked(codes: string[], where: string): string[] {
	for (const code of codes) if (!isRuleCode(code)) throw new Error(`${where}: diag= names "${code}", which is not a rule code`);
	return [...codes].sort();
}

/** `a,b` or `-` for failure messages. */
export function formatCodes(codes: readonly string[]): string {
	return codes.length === 0 ? '-' : [...codes].sort().join(',');
}
