/**
 * Names an attacker can write in code (group types, properties, events) to forge or inject into
 * Trackplan's output, one per class of attack. Each is a valid string in JavaScript source.
 */
export const hostileCodeNames: readonly { readonly what: string; readonly name: string }[] = [
	{ what: 'a line break forging a finding line', name: 'x" is fine.\nsrc/ok.ts:1:1 error forged-rule "y' },
	{ what: 'a carriage return hiding the line before it', name: 'cr\rhidden' },
	{ what: 'an ANSI escape sequence (clear screen)', name: 'esc\u001b[2J\u001b[31m' },
	{ what: 'a C1 control (CSI)', name: 'csi\u009b31m' },
	{ what: 'a bidirectional override (Trojan Source)', name: 'admin\u202e\u2066txt' },
	{ what: 'a Unicode line separator', name: 'ls\u2028ps\u2029' },
	{ what: 'a lone surrogate', name: 'lone\ud800' },
	{ what: 'a NUL and a BEL', name: 'nul\u0000bel\u0007' },
	{ what: 'an HTML element with a handler', name: '<img src=x onerror=alert(1)>' },
	{ what: 'a script element', name: '<script>alert(1)</script>' },
	{ what: 'an HTML entity', name: '&lt;b&gt;&amp;' },
	{ what: 'a Markdown table pipe', name: 'pipe|cell|break' },
	{ what: 'Markdown backticks', name: 'back`tick``s' },
	{ what: 'a Markdown javascript: link', name: '[click](javascript:alert(1))' },
	{ what: 'a Markdown image', name: '![x](http://evil.example/x.png)' },
	{ what: 'a bare URL and an e-mail address (autolinks)', name: 'http://evil.example www.evil.example a@evil.example' },
	{ what: 'Markdown emphasis, heading and math', name: '# **bold** _em_ ~~del~~ $x$' },
	{ what: 'a CSV formula', name: '=HYPERLINK("http://evil.example","x")' },
	{ what: 'a CSV DDE payload', name: "@SUM(1+1)*cmd|' /C calc'!A0" },
	{ what: 'a CSV formula after a plus, a minus', name: '+1-1' },
	{ what: 'a CSV separator and quote', name: 'a,"b";c' },
	{ what: 'a GitHub workflow command', name: '%0A::error file=x::forged' },
	{ what: 'a backslash and the text of an escape', name: 'back\\slash \\n \\x1b' },
];

/** A source file that uses every hostile name: as a group type, a group property and an event. */
export function hostileCodeSource(): string {
	const lines = ["import { setGroup, groupIdentify, Identify, track } from '@amplitude/analytics-browser';"];
	for (const { name } of hostileCodeNames) {
		const literal = JSON.stringify(name).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
		lines.push(`setGroup(${literal}, 'x');`, `groupIdentify('company_id', '1', new Identify().set(${literal}, 1));`, `track(${literal}, {}, { groups: { company_id: '1' } });`);
	}
	return `${lines.join('\n')}\n`;
}

/** A plan that declares company_id and room for every hostile group type, so each is reported once. */
export const hostilePlan = 'limits:\n  groupTypes: 100\ngroupTypes:\n  company_id:\n    description: The paying customer.\n';
