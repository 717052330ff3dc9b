import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { hostileCodeSource, hostilePlan } from '../../support/hostileText';

/** A file name an attacker or an odd tool may leave in a repository, and what Trackplan shows for it. */
export interface HostileFileName {
	readonly what: string;
	/** The name's bytes (Linux names are bytes; not all are UTF-8). */
	readonly bytes: Buffer;
	/** The file's path as every output format shows it (printableText). */
	readonly shown: string;
	/** Its path in SARIF: a URI reference, the bytes percent-encoded. */
	readonly uri: string;
}

const named = (what: string, name: string, shown: string, uri: string): HostileFileName => ({ what, bytes: Buffer.from(name), shown, uri });

/** Every name is a source file under src/ with one call of its own undeclared group type, `g<index>`. */
export const hostileFileNames: readonly HostileFileName[] = [
	{ what: 'bytes that are not UTF-8', bytes: Buffer.from([0xff, 0xfe, 0x2e, 0x74, 0x73]), shown: '\\xff\\xfe.ts', uri: '%FF%FE.ts' },
	{ what: 'a truncated UTF-8 sequence', bytes: Buffer.from([0x61, 0xe2, 0x82, 0x2e, 0x74, 0x73]), shown: 'a\\xe2\\x82.ts', uri: 'a%E2%82.ts' },
	{ what: 'an overlong NUL and a UTF-8 surrogate', bytes: Buffer.from([0xc0, 0x80, 0xed, 0xa0, 0x80, 0x2e, 0x74, 0x73]), shown: '\\xc0\\x80\\xed\\xa0\\x80.ts', uri: '%C0%80%ED%A0%80.ts' },
	named('the text of an escaped byte', '\\xff\\xfe.ts', '\\\\xff\\\\xfe.ts', '%5Cxff%5Cxfe.ts'),
	named('the text of a percent-encoded byte', '%FF%FE.ts', '%FF%FE.ts', '%25FF%25FE.ts'),
	named('a newline forging a finding line', 'a.ts:1:1 error fake-rule forged\nb.ts', 'a.ts:1:1 error fake-rule forged\\nb.ts', 'a.ts%3A1%3A1%20error%20fake-rule%20forged%0Ab.ts'),
	named('a carriage return', 'cr\r.ts', 'cr\\r.ts', 'cr%0D.ts'),
	named('a tab', 'tab\t.ts', 'tab\\t.ts', 'tab%09.ts'),
	named('an ANSI escape sequence', 'esc\u001b[31mred\u001b[0m.ts', 'esc\\x1b[31mred\\x1b[0m.ts', 'esc%1B%5B31mred%1B%5B0m.ts'),
	named('a bidirectional override (Trojan Source)', 'bidi\u202eexe.ts', 'bidi\\u202eexe.ts', 'bidi%E2%80%AEexe.ts'),
	named('a C1 control (NEL)', 'nel\u0085.ts', 'nel\\u0085.ts', 'nel%C2%85.ts'),
	named('a percent sign', '100%.ts', '100%.ts', '100%25.ts'),
	named('a hash and a question mark', 'a#b?c.ts', 'a#b?c.ts', 'a%23b%3Fc.ts'),
	named('spaces', 'with  spaces .ts', 'with  spaces .ts', 'with%20%20spaces%20.ts'),
	named('a workflow command', '::error file=x::forged.ts', '::error file=x::forged.ts', '%3A%3Aerror%20file%3Dx%3A%3Aforged.ts'),
	named('XML and HTML markup', '<img src=x onerror=alert(1)>&amp;.ts', '<img src=x onerror=alert(1)>&amp;.ts', '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%26amp%3B.ts'),
	named('a backslash', 'back\\slash.ts', 'back\\\\slash.ts', 'back%5Cslash.ts'),
	named('é precomposed (NFC)', 'caf\u00e9.ts', 'caf\u00e9.ts', 'caf%C3%A9.ts'),
	named('é decomposed (NFD)', 'cafe\u0301.ts', 'cafe\u0301.ts', 'cafe%CC%81.ts'),
	named('an emoji (a surrogate pair whose low half is U+DCxx)', '\u{1F4A9}.ts', '\u{1F4A9}.ts', '%F0%9F%92%A9.ts'),
];

/**
 * A workspace with one source file per hostile name (above), each sending its own undeclared group
 * type (`g<index>`), and src/names.ts, which uses every hostile name of test/support/hostileText.ts.
 */
export function hostileNamesWorkspace(names: readonly HostileFileName[] = hostileFileNames): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'trackplan-names-'));
	writeFileSync(path.join(folder, 'tracking-plan.yaml'), hostilePlan);
	mkdirSync(path.join(folder, 'src'));
	writeFileSync(path.join(folder, 'src', 'names.ts'), hostileCodeSource());
	names.forEach((name, i) => {
		const file = Buffer.concat([Buffer.from(path.join(folder, 'src') + path.sep), name.bytes]);
		writeFileSync(file, `import { setGroup } from '@amplitude/analytics-browser';\nsetGroup('g${i}', 'x');\n`);
	});
	return folder;
}
