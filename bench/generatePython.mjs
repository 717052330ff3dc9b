// Generates a synthetic Python backend for the benchmark's Python row, from a fixed seed.
//
//   node bench/generatePython.mjs [--files 2000] [--seed 42] [--out bench/.cache]
//
// Prints the tree's folder. A tree whose manifest matches (generator version, seed, size) is reused.
// About 100 lines per file: FastAPI routers, service classes with dataclasses and decorators,
// Celery-style jobs and pytest tests; about 3 % of the files make
// amplitude-analytics group calls (set_group through a shared client imported from another module,
// group_identify with Identify chains, BaseEvent with groups, constants and Enum members, a few
// misspelt or undeclared group types); one function in 20 mentions a trigger word innocently (Django's
// `user.groups`, a `track` helper, a `groups` variable, a comment), so about 23 % of the files pass the
// prefilter: harder for it than the TypeScript tree (4 %). One 5,000-line module
// (`bigPythonFile`) is the file the server benchmark types into.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const generatorVersion = 1;

/** The 5,000-line module the server benchmark edits, relative to the tree. */
export const bigPythonFile = 'services/reports/app/report_builder.py';
/** The line of `bigPythonFile` whose group type the benchmark toggles ('company' ↔ 'compny'). */
export const bigPythonMarker = 'amplitude.set_group("company", str(org_id), EventOptions(user_id=user_id))  # bench-edit';

export function pythonTreeFolder({ files, seed, out }) {
	return path.join(out, `py-tree-s${seed}-f${files}`);
}

function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const nouns = ['invoice', 'report', 'dashboard', 'widget', 'user', 'account', 'project', 'task', 'comment', 'order', 'payment', 'session', 'chart', 'profile', 'notification', 'message', 'team', 'member', 'role', 'billing', 'plan', 'export', 'search', 'query', 'cache', 'queue', 'job', 'schedule', 'webhook', 'token', 'audit', 'tag'];
const verbs = ['load', 'save', 'update', 'remove', 'render', 'format', 'parse', 'validate', 'compute', 'merge', 'sort', 'filter', 'fetch', 'sync', 'build', 'resolve', 'normalize', 'select', 'apply'];
const areas = ['routes', 'services', 'jobs', 'models', 'repositories', 'schemas', 'utils'];
const events = ['Report Exported', 'Dashboard Shared', 'Seat Added', 'Workspace Created', 'Plan Upgraded', 'Invoice Paid', 'Member Invited', 'Chart Viewed'];
const camel = (noun) => noun[0].toUpperCase() + noun.slice(1);

export function generatePython(options) {
	const folder = pythonTreeFolder(options);
	const manifestPath = path.join(folder, 'bench-manifest.json');
	if (existsSync(manifestPath)) {
		const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
		if (manifest.generatorVersion === generatorVersion && manifest.seed === options.seed && manifest.files === options.files) return { folder, manifest, reused: true };
	}
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	const random = mulberry32(options.seed);
	const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
	const pick = (list) => list[Math.floor(random() * list.length)];
	const chance = (p) => random() < p;
	const stats = { files: 0, lines: 0, bytes: 0, trackingFiles: 0 };
	const write = (relative, text) => {
		const file = path.join(folder, relative);
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, text);
		if (!relative.endsWith('.py')) return;
		stats.files++;
		stats.lines += text.split('\n').length;
		stats.bytes += Buffer.byteLength(text);
	};

	write('tracking-plan.yaml', plan());
	write('shared/__init__.py', '');
	write('shared/analytics/__init__.py', '');
	write('shared/analytics/client.py', ['"""The backend\'s one Amplitude client."""', 'import os', '', 'from amplitude import Amplitude', '', 'amplitude = Amplitude(os.environ.get("AMPLITUDE_API_KEY", ""))', ''].join('\n'));
	write('shared/analytics/groups.py', ['from enum import Enum', '', 'GROUP_COMPANY = "company"', 'GROUP_WORKSPACE = "workspace"', '', '', 'class GroupType(str, Enum):', '    COMPANY = "company"', '    WORKSPACE = "workspace"', '    TEAM = "team"', ''].join('\n'));
	write(bigPythonFile, bigModule());

	const services = Math.max(4, Math.round(options.files / 100));
	let n = 0;
	while (stats.files < options.files) {
		const service = `svc_${String(n % services).padStart(3, '0')}`;
		const area = pick(areas);
		const noun = pick(nouns);
		const id = n++;
		const tracking = chance(0.03);
		if (tracking) stats.trackingFiles++;
		const lines = int(40, 160);
		if (area === 'routes') write(`services/${service}/app/${area}/${noun}_${id}.py`, router(noun, lines, tracking));
		else if (area === 'jobs') write(`services/${service}/app/${area}/${noun}_${id}.py`, job(noun, lines, tracking));
		else if (chance(0.12)) write(`services/${service}/tests/test_${noun}_${id}.py`, testModule(noun, lines));
		else write(`services/${service}/app/${area}/${noun}_${id}.py`, serviceModule(noun, lines, tracking));
	}
	const manifest = { generatorVersion, seed: options.seed, files: options.files, stats };
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	return { folder, manifest, reused: false };

	// ---------------------------------------------------------------- templates

	function plan() {
		return [
			'project: Bench Python backend',
			'groupTypes:',
			'  company:',
			'    level: user',
			'    properties:',
			'      Account Name: { type: string }',
			'      plan: { type: string, enum: [free, pro, enterprise] }',
			'      seats: { type: integer }',
			'  workspace:',
			'    level: any',
			'    properties:',
			'      member_count: { type: integer }',
			'  team:',
			'    level: user',
			'events:',
			...events.map((e) => `  ${e}:\n    groups: [company]`),
			'',
		].join('\n');
	}

	function header(tracking) {
		const out = ['from __future__ import annotations', '', 'import logging', 'from dataclasses import dataclass, field', 'from datetime import datetime, timezone', 'from typing import Any, Optional', ''];
		if (tracking) out.push('from amplitude import BaseEvent, EventOptions, Identify', '', 'from shared.analytics.client import amplitude', 'from shared.analytics.groups import GROUP_COMPANY, GroupType', '');
		out.push('logger = logging.getLogger(__name__)', '');
		return out;
	}

	/** One group call in one of six shapes (about one in eight misspelt or undeclared). */
	function trackingSnippet(indent) {
		const type = chance(0.12) ? pick(['compny', 'organisation', 'Workspace']) : pick(['company', 'workspace']);
		const shapes = [
			() => [`amplitude.set_group("${type}", str(org_id), EventOptions(user_id=user_id))`],
			() => ['amplitude.set_group(GROUP_COMPANY, [str(org_id), str(parent_id)], EventOptions(user_id=user_id))'],
			() => ['identify = Identify().set("plan", plan).set("seats", seats)', 'amplitude.group_identify(GroupType.COMPANY.value, str(org_id), identify, EventOptions(user_id=user_id))'],
			() => [`amplitude.track(BaseEvent(event_type="${pick(events)}", user_id=user_id, groups={"${type}": str(org_id)}))`],
			() => [`event = BaseEvent("${pick(events)}", user_id, event_properties={"source": "api"})`, `event["groups"] = {"company": str(org_id)}`, 'amplitude.track(event)'],
			() => [`amplitude.track(BaseEvent(event_type="${pick(events)}", user_id=user_id))`],
		];
		return pick(shapes)().map((line) => indent + line);
	}

	function innocent(indent) {
		return pick([
			[`${indent}if request.user.groups.filter(name="admins").exists():`, `${indent}    logger.info("admin request")`],
			[`${indent}metrics.track("latency", elapsed_ms)  # our own metrics helper`],
			[`${indent}# identify the row by its primary key before we set_group-like bookkeeping`],
			[`${indent}groups = sorted(set(row["group"] for row in rows))`],
		]);
	}

	function body(indent, tracking, lines) {
		const out = [];
		const statements = [
			() => [`${indent}started = datetime.now(timezone.utc)`],
			() => [`${indent}payload: dict[str, Any] = {"id": item_id, "name": name, "tags": list(tags)}`],
			() => [`${indent}logger.debug(f"${pick(verbs)} {item_id} took {(datetime.now(timezone.utc) - started).total_seconds():.2f}s")`],
			() => [`${indent}for row in rows:`, `${indent}    if row.get("deleted"):`, `${indent}        continue`, `${indent}    totals[row["kind"]] = totals.get(row["kind"], 0) + row["amount"]`],
			() => [`${indent}try:`, `${indent}    result = repository.${pick(verbs)}(item_id)`, `${indent}except KeyError as error:`, `${indent}    raise LookupError(f"missing {item_id!r}") from error`],
			() => [`${indent}values = [value * 2 for value in values if value is not None]`],
			() => [`${indent}message = """Summary for {name}:`, `${indent}{count} items, {total} total""".format(name=name, count=len(rows), total=sum(totals.values()))`],
		];
		// Whole statements, so a snippet never lands inside a block or a multi-line string.
		const blocks = [];
		let count = 0;
		while (count < lines) {
			const block = pick(statements)();
			blocks.push(block);
			count += block.length;
		}
		if (tracking) blocks.splice(int(0, blocks.length), 0, trackingSnippet(indent));
		if (chance(0.05)) blocks.splice(int(0, blocks.length), 0, innocent(indent));
		for (const block of blocks) out.push(...block);
		return out;
	}

	function serviceModule(noun, lines, tracking) {
		const cls = camel(noun);
		const out = [...header(tracking), '', '@dataclass', `class ${cls}Record:`, '    id: int', '    name: str', '    tags: list[str] = field(default_factory=list)', '    created_at: Optional[datetime] = None', '', '', `class ${cls}Service:`, `    """Business rules for ${noun}s."""`, '', '    def __init__(self, repository: Any) -> None:', '        self.repository = repository', ''];
		let methods = 0;
		while (out.length < lines) {
			out.push(`    def ${pick(verbs)}_${noun}_${methods}(self, item_id: int, org_id: int, user_id: str, name: str = "", rows: list[dict] = (), tags: tuple = (), values: list = (), plan: str = "pro", seats: int = 1, parent_id: int = 0) -> dict:`);
			out.push('        repository = self.repository', '        totals: dict[str, int] = {}');
			out.push(...body('        ', tracking && methods === 0, int(6, 18)));
			out.push('        return {"id": item_id, "totals": totals}', '');
			methods++;
		}
		return out.join('\n') + '\n';
	}

	function router(noun, lines, tracking) {
		const out = ['from fastapi import APIRouter, Depends, HTTPException', ...header(tracking), 'router = APIRouter()', ''];
		let handlers = 0;
		while (out.length < lines) {
			out.push('', `@router.post("/${noun}s/{item_id}/${pick(verbs)}")`, `async def ${pick(verbs)}_${noun}_${handlers}(item_id: int, org_id: int = 0, user_id: str = "", repository=Depends(lambda: None)) -> dict:`);
			out.push('    name, rows, tags, values, totals, plan, seats, parent_id = "", [], (), [], {}, "pro", 1, 0');
			out.push('    if item_id <= 0:', '        raise HTTPException(status_code=404, detail=f"no such ' + noun + ' {item_id}")');
			out.push(...body('    ', tracking && handlers === 0, int(5, 14)));
			out.push('    return {"ok": True, "id": item_id}');
			handlers++;
		}
		return out.join('\n') + '\n';
	}

	function job(noun, lines, tracking) {
		const out = ['from celery import shared_task', ...header(tracking)];
		let tasks = 0;
		while (out.length < lines) {
			out.push('', '@shared_task(bind=True, max_retries=3)', `def ${pick(verbs)}_${noun}s_${tasks}(self, org_id: int, user_id: str, item_id: int = 0) -> None:`);
			out.push('    name, rows, tags, values, totals, plan, seats, parent_id, repository = "", [], (), [], {}, "pro", 1, 0, None');
			out.push(...body('    ', tracking && tasks === 0, int(6, 16)));
			tasks++;
		}
		return out.join('\n') + '\n';
	}

	function testModule(noun, lines) {
		const out = ['import pytest', '', `from app.services.${noun} import ${camel(noun)}Service`, '', '', '@pytest.fixture', 'def service():', `    return ${camel(noun)}Service(repository={})`, ''];
		let tests = 0;
		while (out.length < lines) {
			out.push('', `@pytest.mark.parametrize("item_id", [1, 2, 3])`, `def test_${pick(verbs)}_${tests}(service, item_id):`, `    result = service.load_${noun}_0(item_id, org_id=1, user_id="u")`, '    assert result["id"] == item_id', `    assert f"{item_id}" in str(result)`);
			tests++;
		}
		return out.join('\n') + '\n';
	}

	/** The 5,000-line module: a report builder with many sections, one marked group call the benchmark edits. */
	function bigModule() {
		const out = ['"""Report builder: every section of the account report, one method each."""', ...header(false), 'from amplitude import Amplitude, BaseEvent, EventOptions, Identify', '', 'amplitude = Amplitude("bench-key")', '', '', 'class ReportBuilder:', '    def __init__(self, repository: Any) -> None:', '        self.repository = repository', ''];
		let section = 0;
		while (out.length < 4990) {
			out.push(`    def section_${section}(self, item_id: int, org_id: int, user_id: str, name: str = "", rows: list[dict] = (), tags: tuple = (), values: list = ()) -> dict:`);
			out.push('        repository = self.repository', '        totals: dict[str, int] = {}');
			if (section === 200) out.push(`        ${bigPythonMarker}`);
			out.push(...body('        ', false, int(8, 16)));
			out.push(`        return {"section": ${section}, "totals": totals}`, '');
			section++;
		}
		return out.join('\n') + '\n';
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const argv = process.argv.slice(2);
	const at = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
	const { folder, manifest, reused } = generatePython({ files: Number(at('--files', 2000)), seed: Number(at('--seed', 42)), out: path.resolve(at('--out', path.join(path.dirname(fileURLToPath(import.meta.url)), '.cache'))) });
	process.stderr.write(`${reused ? 'reused' : 'generated'} ${folder}: ${manifest.stats.files} files, ${manifest.stats.lines} lines, ${manifest.stats.trackingFiles} with group calls\n`);
	process.stdout.write(folder + '\n');
}
