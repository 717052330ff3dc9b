import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import type { TextEdit } from '../../../../core/src/edits/textEdit';
import type { GroupsInsertion } from '../../../../core/src/scan/callFacts';
import { pythonCodeWriter as writer } from '../../../../core/src/scan/python/pythonCodeWriter';
import { markedText } from '../../../support/markedText';

const uri = 'file:///w/app/analytics.py';

function applied(text: string, edit: TextEdit): string {
	return text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
}

/** Writes `name` at the one «marked» range and returns the new text. */
function written(marked: string, name: string): string {
	const { text, ranges } = markedText(marked);
	return applied(text, writer.writeName(uri, text, ranges[0]!, name));
}

/** What Python itself reads from each string literal (f-strings included: they are evaluated without names in scope), or undefined when no python3 is installed. */
function pythonValues(expressions: readonly string[]): unknown[] | undefined {
	const program = 'import json, sys\nprint(json.dumps([eval(e, {"__builtins__": {}}, {}) for e in json.loads(sys.stdin.read())]))';
	const run = spawnSync('python3', ['-c', program], { input: JSON.stringify(expressions), encoding: 'utf8' });
	if (run.error || run.status !== 0) return run.error ? undefined : assert.fail(run.stderr);
	return JSON.parse(run.stdout) as unknown[];
}

const literalForms = ['"«company»"', "'«company»'", '"""«company»"""', "'''«company»'''", 'u"«company»"', 'U\'«company»\'', 'f"«company»"', "F'''«company»'''", 'r"«company»"', "R'«company»'", 'rf"«company»"', 'Fr\'«company»\'', 'r"""«company»"""'];
const hardNames = ['org id', "it's", 'say "hi"', 'back\\slash', 'ends\\', 'two\\\\', '{team}', 'a}b{c', 'line\nbreak', 'tab\there', 'crlf\r\n', 'caf\u00e9 \u{1f600}', "'''", '"""', 'x"""y', '\u2028'];

describe('Python code writer: writeName', () => {
	it('writes a plain name into every literal form, prefix and quotes kept', () => {
		for (const form of literalForms) assert.equal(written(form, 'org_id'), form.replace('«company»', 'org_id'), form);
	});

	it('escapes what each form needs: quotes and backslashes, line breaks, doubled braces in f-strings', () => {
		assert.equal(written('"«company»"', 'say "hi"'), '"say \\"hi\\""');
		assert.equal(written("'«company»'", "it's"), "'it\\'s'");
		assert.equal(written('"«company»"', "it's"), '"it\'s"');
		assert.equal(written('"«company»"', 'back\\slash'), '"back\\\\slash"');
		assert.equal(written('"«company»"', 'line\nbreak'), '"line\\nbreak"');
		assert.equal(written('f"«company»"', '{team}'), 'f"{{team}}"');
		assert.equal(written('"«company»"', '{team}'), '"{team}"');
		assert.equal(written('"""«company»"""', 'x"""y'), '"""x\\"\\"\\"y"""');
	});

	it('writes into a raw string as it is when it can, and turns it into a plain string when it cannot', () => {
		assert.equal(written('r"«company»"', 'back\\slash'), 'r"back\\slash"');
		assert.equal(written('r"«company»"', 'two\\\\'), 'r"two\\\\"');
		assert.equal(written('r"«company»"', 'ends\\'), '"ends\\\\"', 'a raw string cannot end in an odd backslash');
		assert.equal(written('r"«company»"', 'say "hi"'), '"say \\"hi\\""', 'a raw string cannot hold its own quote');
		assert.equal(written("rf'«company»'", "it's {x}"), "f'it\\'s {{x}}'");
		assert.equal(written('r"«company»"', 'line\nbreak'), '"line\\nbreak"');
		assert.equal(written('r"""«company»"""', 'line\nbreak'), 'r"""line\nbreak"""');
	});

	it('also takes a range that spans the whole literal, prefix and quotes included', () => {
		assert.equal(written('client.set_group(«f"company"», "acme")', "it's"), 'client.set_group(f"it\'s", "acme")');
		assert.equal(written('x = «"""company"""»', 'org'), 'x = """org"""');
	});

	it('does not take a keyword or an identifier just before a quote for a prefix', () => {
		assert.equal(written('if group in"«company»":', 'a"b'), 'if group in"a\\"b":');
	});

	it('writes every hard name so that Python reads it back, in every literal form', (t) => {
		const expressions: string[] = [];
		const expected: string[] = [];
		for (const form of literalForms) {
			for (const name of hardNames) {
				const { text, ranges } = markedText(form);
				const edit = writer.writeName(uri, text, ranges[0]!, name);
				expressions.push(applied(text, edit));
				expected.push(name);
			}
		}
		const values = pythonValues(expressions);
		if (!values) return t.skip('python3 is not installed');
		assert.deepEqual(values, expected);
	});

	it('a keyword argument used as a key (dict(company=…)) takes identifiers only', () => {
		const { text, ranges } = markedText('groups = dict(«company»=org.id)');
		assert.equal(applied(text, writer.writeName(uri, text, ranges[0]!, 'org_id')), 'groups = dict(org_id=org.id)');
		assert.equal(writer.whyNameCannotBeWritten(uri, text, ranges[0]!, 'org_id'), undefined);
		assert.match(writer.whyNameCannotBeWritten(uri, text, ranges[0]!, 'org id') ?? '', /keyword argument company=.*not a Python identifier/);
		assert.match(writer.whyNameCannotBeWritten(uri, text, ranges[0]!, 'class') ?? '', /not a Python identifier/);
	});

	it('refuses to write a name into a bytes literal, and writes every str form', () => {
		const { text, ranges } = markedText('client.set_group(b"«company»", "acme")');
		assert.match(writer.whyNameCannotBeWritten(uri, text, ranges[0]!, 'org') ?? '', /bytes literal/);
		for (const form of literalForms) {
			const marked = markedText(form);
			for (const name of hardNames) assert.equal(writer.whyNameCannotBeWritten(uri, marked.text, marked.ranges[0]!, name), undefined, `${form} ${JSON.stringify(name)}`);
		}
	});
});

describe('Python code writer: nameSpan', () => {
	function span(marked: string, name: string): string | undefined {
		const { text, ranges } = markedText(marked);
		const at = writer.nameSpan(text, ranges[0]!, name);
		return at && text.slice(at.start, at.end);
	}

	it('finds the name inside every literal form, from the content or from the whole literal', () => {
		for (const form of literalForms) {
			assert.equal(span(form, 'company'), 'company', form);
			assert.equal(span(`«${form.replace(/[«»]/g, '')}»`, 'company'), 'company', `whole ${form}`);
		}
	});

	it('reads escapes and doubled braces as Python does', () => {
		assert.equal(span(String.raw`«'it\'s'»`, "it's"), String.raw`it\'s`);
		assert.equal(span(String.raw`«"caf\xe9"»`, 'café'), String.raw`caf\xe9`);
		assert.equal(span(String.raw`«"\u00e9\U0001F600"»`, 'é\u{1f600}'), String.raw`\u00e9\U0001F600`);
		assert.equal(span(String.raw`«"a\
b"»`, 'ab'), 'a\\\nb');
		assert.equal(span('«f"{{team}}"»', '{team}'), '{{team}}');
		assert.equal(span(String.raw`«r"a\"b"»`, 'a\\"b'), 'a\\"b');
		// Octal escapes, one to three digits; raw f-strings keep backslashes but still double their braces.
		assert.equal(span(String.raw`«"co\155pany"»`, 'company'), String.raw`co\155pany`);
		assert.equal(span(String.raw`«"a\0b"»`, 'a\0b'), String.raw`a\0b`);
		assert.equal(span(String.raw`«"\1412"»`, 'a2'), String.raw`\1412`);
		assert.equal(span(String.raw`«rf"x{{y}}\n"»`, 'x{y}\\n'), String.raw`x{{y}}\n`);
		assert.equal(span('«"a\\\r\nb"»', 'ab'), 'a\\\r\nb');
	});

	it('finds nothing where the literal reads as another name, or is not a name at all', () => {
		assert.equal(span('«"company"»', 'org'), undefined);
		assert.equal(span('«f"{team}"»', '{team}'), undefined, 'an f-string placeholder');
		assert.equal(span('«b"company"»', 'company'), undefined, 'bytes');
		assert.equal(span('set_group(«COMPANY», "acme")', 'COMPANY'), undefined, 'a constant is not where its name is written');
		assert.equal(span('x = «company» == y', 'company'), undefined, 'a comparison is not a keyword argument');
		assert.equal(span('dict(«company»=1)', 'company'), 'company');
	});

	it('finds nothing that rename could then write wrongly: each span it gives, writeName writes back', () => {
		const { text, ranges } = markedText(String.raw`x = «'it\'s'»`);
		const at = writer.nameSpan(text, ranges[0]!, "it's")!;
		assert.equal(applied(text, writer.writeName(uri, text, at, "it's")), String.raw`x = 'it\'s'`);
	});
});

describe('Python code writer: groups, traits and keys', () => {
	const at = (text: string): number => text.indexOf('|');
	function inserted(marked: string, form: GroupsInsertion['form'], names: readonly string[], traits = false): string {
		const offset = at(marked);
		const text = marked.replace('|', '');
		const insertion: GroupsInsertion = { offset, form, needsComma: !/[({,]\s*$/.test(text.slice(0, offset)), placeholders: 0 };
		const edit = traits ? writer.insertTraits(insertion, names, text) : writer.insertGroups(insertion, names, text);
		return applied(text, edit);
	}

	it('appends a groups= keyword argument to a BaseEvent, in the file\'s quotes, with a placeholder that fails loudly', () => {
		assert.equal(inserted('BaseEvent("Report Exported", user_id=uid|)', 'argument', ['company']), 'BaseEvent("Report Exported", user_id=uid, groups={"company": TODO_company})');
		assert.equal(inserted("BaseEvent('Report Exported', user_id=uid|)", 'argument', ['company', 'org id']), "BaseEvent('Report Exported', user_id=uid, groups={'company': TODO_company, 'org id': TODO_org_id})");
		assert.equal(inserted('BaseEvent(event_type|)', 'argument', ['company']), 'BaseEvent(event_type, groups={"company": TODO_company})', 'double quotes when the code shows none');
	});

	it('adds entries to an existing groups dict, a "groups" entry to a payload, Segment integrations', () => {
		assert.equal(inserted('BaseEvent("E", groups={"company": c|})', 'groups-entry', ['team']), 'BaseEvent("E", groups={"company": c, "team": TODO_team})');
		assert.equal(inserted('BaseEvent("E", groups={|})', 'groups-entry', ['team']), 'BaseEvent("E", groups={"team": TODO_team})');
		assert.equal(inserted('payload = {"event_type": "E", "user_id": uid|}', 'object-entry', ['company']), 'payload = {"event_type": "E", "user_id": uid, "groups": {"company": TODO_company}}');
		assert.equal(inserted("analytics.track(uid, 'E'|)", 'segment-options', ['company']), "analytics.track(uid, 'E', integrations={'Amplitude': {'groups': {'company': TODO_company}}})");
	});

	it('adds Segment traits as entries or as a traits= argument', () => {
		assert.equal(inserted('analytics.group(uid, "acme"|)', 'argument', ['group_type', 'name'], true), 'analytics.group(uid, "acme", traits={"group_type": TODO_group_type, "name": TODO_name})');
		assert.equal(inserted('analytics.group(uid, "acme", {"plan": "pro"|})', 'groups-entry', ['group_type'], true), 'analytics.group(uid, "acme", {"plan": "pro", "group_type": TODO_group_type})');
	});

	it('writes keys Python reads back as the name, and placeholders that are identifiers', () => {
		const text = inserted('BaseEvent("E"|)', 'argument', ["it's", 'say "hi"', 'a\\b', '---']);
		assert.equal(text, String.raw`BaseEvent("E", groups={"it's": TODO_it_s, "say \"hi\"": TODO_say_hi, "a\\b": TODO_a_b, "---": TODO_value})`);
		assert.equal(writer.groupKey('company'), '"company": ');
		assert.equal(writer.groupKey('say "hi"'), '"say \\"hi\\"": ');
	});
});
