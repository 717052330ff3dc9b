// Generates a synthetic product monorepo for the benchmark, from a fixed seed.
//
//   node bench/generate.mjs [--files 20000] [--seed 42] [--out bench/.cache]
//
// Prints the tree's folder. A tree whose manifest matches (generator version, seed, size) is reused.
// About 100 lines per file on average; about 2% of the files make Amplitude / Segment group calls
// (literals, imported constants, enum members, an imported `amplitude` client, Identify chains,
// Segment `group`, Node `track` with groups); the rest is ordinary application code: React
// components (.tsx/.jsx), services (.ts/.js), tests, config (.mjs), a 5,000-line component the
// server benchmark edits, and a few large generated / minified files.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const generatorVersion = 6;

export function parseGenerateArgs(argv) {
	const options = { files: 20000, seed: 42, out: path.join(path.dirname(fileURLToPath(import.meta.url)), '.cache') };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--files') options.files = Number(argv[++i]);
		else if (argv[i] === '--seed') options.seed = Number(argv[++i]);
		else if (argv[i] === '--out') options.out = path.resolve(argv[++i]);
	}
	return options;
}

/** The fixed 5,000-line file the server benchmark edits, relative to the tree. */
export const bigFile = 'packages/app/src/reports/ReportBuilder.tsx';
/** The line of `bigFile` whose group type the benchmark toggles (see `bigFileEdit`). */
export const bigFileMarker = "amplitude.setGroup('company', String(orgId)); // bench-edit";

export function treeFolder({ files, seed, out }) {
	return path.join(out, `tree-s${seed}-f${files}`);
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

const nouns = ['Invoice', 'Report', 'Dashboard', 'Widget', 'User', 'Account', 'Project', 'Task', 'Comment', 'Order', 'Payment', 'Session', 'Filter', 'Chart', 'Table', 'Modal', 'Sidebar', 'Toolbar', 'Profile', 'Setting', 'Notification', 'Message', 'Team', 'Member', 'Role', 'Permission', 'Billing', 'Plan', 'Export', 'Import', 'Search', 'Query', 'Cache', 'Queue', 'Job', 'Schedule', 'Webhook', 'Token', 'Audit', 'Tag'];
const verbs = ['load', 'save', 'update', 'remove', 'render', 'format', 'parse', 'validate', 'compute', 'merge', 'sort', 'filter', 'fetch', 'sync', 'build', 'resolve', 'normalize', 'select', 'toggle', 'apply'];
const areas = ['components', 'services', 'hooks', 'utils', 'pages', 'api', 'store', 'features', 'lib', 'models'];
const planTypes = ['company', 'workspace', 'team'];
const events = ['Report Exported', 'Dashboard Shared', 'Seat Added', 'Workspace Created', 'Plan Upgraded', 'Invoice Paid', 'Member Invited', 'Chart Viewed'];

export function generate(options) {
	const folder = treeFolder(options);
	const manifestPath = path.join(folder, 'bench-manifest.json');
	const wanted = { generatorVersion, seed: options.seed, files: options.files };
	if (existsSync(manifestPath)) {
		const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
		if (manifest.generatorVersion === generatorVersion && manifest.seed === options.seed && manifest.files === options.files) return { folder, manifest, reused: true };
	}
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	const random = mulberry32(options.seed);
	let unique = 0;
	const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
	const pick = (list) => list[Math.floor(random() * list.length)];
	const chance = (p) => random() < p;

	const packages = Math.max(4, Math.round(options.files / 400));
	const stats = { files: 0, lines: 0, bytes: 0, byExtension: {}, trackingFiles: 0, generatedFiles: 0, minifiedFiles: 0, linesByExtension: {} };
	const written = new Set();
	const write = (relative, text) => {
		const file = path.join(folder, relative);
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, text);
		written.add(relative);
		const extension = path.extname(relative);
		if (extension === '.yaml' || extension === '.json') return;
		const lines = text.split('\n').length;
		stats.files++;
		stats.lines += lines;
		stats.bytes += Buffer.byteLength(text);
		stats.byExtension[extension] = (stats.byExtension[extension] ?? 0) + 1;
		stats.linesByExtension[extension] = (stats.linesByExtension[extension] ?? 0) + lines;
	};

	// --- the plan and the shared analytics modules
	write('tracking-plan.yaml', plan());
	write('packages/shared/src/analytics/groups.ts', [
		"export const GROUP_COMPANY = 'company';",
		"export const GROUP_WORKSPACE = 'workspace';",
		"export const GROUP_TEAM = 'team';",
		'export enum GroupType {',
		"\tCompany = 'company',",
		"\tWorkspace = 'workspace',",
		"\tTeam = 'team',",
		'}',
		"export const PLAN_PROPERTY = 'plan';",
		'',
	].join('\n'));
	write('packages/shared/src/analytics/client.ts', [
		"import { createInstance } from '@amplitude/analytics-browser';",
		'',
		'/** The web app\'s Amplitude client. */',
		'export const amplitude = createInstance();',
		"amplitude.init(process.env.AMPLITUDE_API_KEY ?? '');",
		'',
	].join('\n'));
	write('packages/shared/src/analytics/server.ts', [
		"import { createInstance } from '@amplitude/analytics-node';",
		'',
		'export const serverAmplitude = createInstance();',
		"serverAmplitude.init(process.env.AMPLITUDE_API_KEY ?? '');",
		'',
	].join('\n'));
	write(bigFile, bigComponent(random));

	// --- the bulk
	const target = options.files;
	const fixed = 4;
	const generatedEvery = 1500; // ~0.07% large generated / minified files
	let index = 0;
	while (stats.files < target) {
		index++;
		const pkg = `pkg-${String(int(0, packages - 1)).padStart(3, '0')}`;
		const area = pick(areas);
		const noun = pick(nouns);
		const id = index.toString(36);
		if (index % generatedEvery === 0) {
			if (chance(0.5)) {
				write(`packages/${pkg}/vendor/bundle-${id}.min.js`, minified(random, int(200_000, 600_000)));
				stats.minifiedFiles++;
			} else {
				write(`packages/${pkg}/src/generated/api-${id}.ts`, generatedApi(random, int(3_000, 9_000)));
				stats.generatedFiles++;
			}
			continue;
		}
		const tracking = chance(0.025);
		const roll = random();
		let relative, text;
		// Targets ~100 lines on average over the whole tree (the big/generated files add a few).
		const lines = Math.max(8, Math.round(-Math.log(1 - random()) * 80));
		if (roll < 0.35) {
			relative = `packages/${pkg}/src/${area}/${noun}${id}.tsx`;
			text = component(random, noun, lines, { ts: true, tracking });
		} else if (roll < 0.47) {
			relative = `packages/${pkg}/src/${area}/${noun}${id}.jsx`;
			text = component(random, noun, lines, { ts: false, tracking });
		} else if (roll < 0.70) {
			relative = `packages/${pkg}/src/${area}/${noun.toLowerCase()}${id}Service.ts`;
			text = service(random, noun, lines, { ts: true, tracking });
		} else if (roll < 0.84) {
			relative = `packages/${pkg}/src/${area}/${noun.toLowerCase()}${id}.js`;
			text = service(random, noun, lines, { ts: false, tracking });
		} else if (roll < 0.97) {
			relative = `packages/${pkg}/test/${noun}${id}.test.ts`;
			text = testFile(random, noun, lines);
		} else {
			relative = `packages/${pkg}/scripts/${noun.toLowerCase()}${id}.mjs`;
			text = service(random, noun, lines, { ts: false, tracking: false });
		}
		if (tracking && !relative.includes('/test/') && !relative.endsWith('.mjs')) stats.trackingFiles++;
		write(relative, text);
	}
	void fixed;
	const manifest = { ...wanted, stats, bigFile, bigFileMarker, createdAt: new Date().toISOString() };
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	return { folder, manifest, reused: false };

	// ---------------------------------------------------------------- templates

	function plan() {
		return [
			'project: Bench Monorepo',
			'limits:',
			'  groupTypes: 5',
			'  groupProperties: 1000',
			'sources:',
			'  include: ["**/*"]',
			'  exclude: ["**/node_modules/**", "**/dist/**"]',
			'segment:',
			'  destination: classic',
			'  groupTypeTrait: group_type',
			'  groupValueTrait: name',
			'groupTypes:',
			'  company:',
			'    description: A paying customer organisation',
			'    level: user',
			'    value: string',
			'    displayProperty: Account Name',
			'    properties:',
			'      Account Name: { type: string }',
			'      plan: { type: string, enum: [free, pro, enterprise] }',
			'      seats: { type: integer }',
			'      Monthly Active Users: { type: number, dynamic: true }',
			'  workspace:',
			'    description: A workspace inside a company',
			'    level: any',
			'    properties:',
			'      Workspace Name: { type: string }',
			'      member_count: { type: integer }',
			'  team:',
			'    description: A functional team',
			'    level: user',
			'    properties:',
			'      department: { type: string }',
			'events:',
			...events.map((e) => `  ${e}:\n    groups: [company]`),
			'',
		].join('\n');
	}

	function importsFor(ts, depth = 3) {
		const up = '../'.repeat(depth);
		const lines = [`import React, { useState, useEffect, useMemo } from 'react';`];
		if (chance(0.5)) lines.push(`import { format${pick(nouns)} } from '${up}utils/format';`);
		if (chance(0.4)) lines.push(`import { use${pick(nouns)}Query } from '@acme/data';`);
		if (ts && chance(0.5)) lines.push(`import type { ${pick(nouns)}Props } from './types';`);
		if (chance(0.3)) lines.push(`import styles from './${pick(nouns)}.module.css';`);
		return lines;
	}

	// Ordinary code sometimes mentions the trigger words (a router `track` prop, `userGroups`,
	// a `trackBy`, an analytics folder import): the prefilter must not be fed only easy cases.
	function innocentMention() {
		return pick([
			'\tconst userGroups = props.groups ?? [];',
			'\tconst trackBy = (item) => item.id;',
			'\t// identify the row under the cursor',
			"\tconst soundtrack = media.find((m) => m.kind === 'audio');",
			'\tconst segments = path.split("/");',
			'\ttimer.track(Date.now());',
		]);
	}

	function trackingSnippet(ts) {
		const shape = int(0, 7);
		const head = [];
		const body = [];
		const orgId = 'orgId';
		switch (shape) {
			case 0:
				head.push("import * as amplitude from '@amplitude/analytics-browser';");
				body.push(`\tamplitude.setGroup('${pick(planTypes)}', String(${orgId}));`);
				break;
			case 1:
				head.push("import { groupIdentify, Identify } from '@amplitude/analytics-browser';");
				head.push("import { GROUP_COMPANY, PLAN_PROPERTY } from '../../../shared/src/analytics/groups';");
				body.push(`\tconst identify = new Identify().set(PLAN_PROPERTY, '${pick(['free', 'pro', 'enterprise', 'premium'])}').set('seats', ${int(1, 500)});`);
				body.push(`\tgroupIdentify(GROUP_COMPANY, String(${orgId}), identify);`);
				break;
			case 2:
				head.push("import { amplitude } from '../../../shared/src/analytics/client';");
				body.push(`\tamplitude.track('${pick(events)}', { source: 'ui' }, { groups: { company: String(${orgId}) } });`);
				break;
			case 3:
				head.push("import { amplitude } from '../../../shared/src/analytics/client';");
				head.push("import { GroupType } from '../../../shared/src/analytics/groups';");
				body.push(`\tamplitude.setGroup(GroupType.${pick(['Company', 'Workspace', 'Team'])}, String(${orgId}));`);
				break;
			case 4:
				head.push("import { AnalyticsBrowser } from '@segment/analytics-next';");
				head.push("const analytics = AnalyticsBrowser.load({ writeKey: 'bench' });");
				body.push(chance(0.7)
					? `\tanalytics.group(String(${orgId}), { group_type: 'company', name: accountName });`
					: `\tanalytics.group(String(${orgId}), { name: accountName });`);
				break;
			case 5:
				head.push("import { serverAmplitude } from '../../../shared/src/analytics/server';");
				body.push(`\tserverAmplitude.track('${pick(events)}', { plan: 'pro' }, { user_id: userId, groups: { ${pick(['company', 'workspace', 'compnay'])}: String(${orgId}) } });`);
				break;
			case 6:
				head.push("import * as amplitude from '@amplitude/analytics-browser';");
				body.push(`\tamplitude.track('${pick(events)}');`);
				break;
			default:
				head.push("import { setGroup } from '@amplitude/analytics-browser';");
				head.push("import { GROUP_WORKSPACE } from '../../../shared/src/analytics/groups';");
				body.push(`\tsetGroup(GROUP_WORKSPACE, [String(${orgId}), ${ts ? 'String(otherId)' : 'otherId'}]);`);
		}
		return { head, body };
	}

	function statement(ts) {
		const v = pick(verbs);
		const n = pick(nouns);
		const l = n.toLowerCase();
		const u = (unique++).toString(36);
		switch (int(0, 9)) {
			case 0: return `\tconst ${v}${n}${u} = items.filter((item) => item.${l}Id !== undefined);`;
			case 1: return `\tif (!${l}Ready${u}) {\n\t\treturn null;\n\t}`;
			case 2: return `\tconst [${l}${u}, set${n}${u}] = useState${ts ? `<${n} | null>` : ''}(null);`;
			case 3: return `\tuseEffect(() => {\n\t\tvoid ${v}${n}(${l}Id).then(set${n});\n\t}, [${l}Id]);`;
			case 4: return `\tconst total${u} = rows.reduce((sum, row) => sum + row.${l}Count, 0);`;
			case 5: return `\tconsole.debug('${v} ${l}', { count: rows.length });`;
			case 6: return `\tconst label${u} = \`\${${l}Item.name} (\${${l}Item.id})\`;`;
			case 7: return `\tfor (const entry of Object.entries(options)) {\n\t\tmap.set(entry[0], entry[1]);\n\t}`;
			case 8: return `\tconst sorted${u} = useMemo(() => [...rows].sort((a, b) => a.${l}At - b.${l}At), [rows]);`;
			default: return `\tvoid api.${v}${n}({ id, ${l}: value });`;
		}
	}

	function countLines(parts) {
		let count = 0;
		for (const p of parts) count += p.split('\n').length;
		return count;
	}

	function component(random_, noun, lines, { ts, tracking }) {
		const head = importsFor(ts);
		const extra = tracking ? trackingSnippet(ts) : undefined;
		if (extra) head.push(...extra.head);
		const out = [...head, ''];
		if (ts) out.push(`interface ${noun}ViewProps {`, '\torgId: number;', '\taccountName: string;', '\trows: Array<{ id: string }>;', '}', '');
		let functions = 0;
		while (countLines(out) < lines) {
			functions++;
			out.push(`export function ${noun}View${functions}({ orgId, accountName, rows, items, options, id, value, api, props, media, path, timer }${ts ? ': any' : ''}) {`);
			const size = int(6, 25);
			for (let i = 0; i < size; i++) out.push(statement(ts));
			if (!tracking && chance(0.05)) out.push(innocentMention());
			if (extra && functions === 1) out.push(...extra.body);
			out.push('\treturn (', `\t\t<div className="${noun.toLowerCase()}-view">`, `\t\t\t<h2>{accountName}</h2>`, '\t\t\t<ul>{rows.map((row) => <li key={row.id}>{row.id}</li>)}</ul>', '\t\t</div>', '\t);', '}', '');
		}
		return out.join('\n');
	}

	function service(random_, noun, lines, { ts, tracking }) {
		const out = [`import { httpClient } from '../lib/http';`, `import { logger } from '../lib/logger';`];
		const extra = tracking ? trackingSnippet(ts) : undefined;
		if (extra) out.push(...extra.head);
		out.push('');
		let methods = 0;
		out.push(`export class ${noun}Service {`);
		if (ts) out.push('\tprivate readonly cache = new Map<string, unknown>();', '');
		else out.push('\tcache = new Map();', '');
		while (countLines(out) < lines) {
			methods++;
			const v = pick(verbs);
			out.push(`\tasync ${v}${noun}${methods}(id${ts ? ': string' : ''}, orgId${ts ? ': number' : ''}, userId${ts ? ': string' : ''}, accountName${ts ? ': string' : ''})${ts ? ': Promise<unknown>' : ''} {`);
			out.push(`\t\tconst response = await httpClient.get(\`/api/${noun.toLowerCase()}s/\${id}\`);`);
			const size = int(4, 18);
			for (let i = 0; i < size; i++) out.push('\t' + statement(ts).replace(/\n/g, '\n\t'));
			if (!tracking && chance(0.04)) out.push('\t' + innocentMention());
			if (extra && methods === 1) out.push(...extra.body.map((l) => '\t' + l));
			out.push(`\t\tlogger.info('${v} ${noun.toLowerCase()}', { id });`, '\t\treturn response.data;', '\t}', '');
		}
		out.push('}', '');
		return out.join('\n');
	}

	function testFile(random_, noun, lines) {
		const out = [`import { describe, it, expect, vi } from 'vitest';`, `import { ${noun}Service } from '../src/services/${noun.toLowerCase()}Service';`, ''];
		out.push(`describe('${noun}Service', () => {`);
		let cases = 0;
		while (countLines(out) < lines) {
			cases++;
			out.push(`\tit('${pick(verbs)}s a ${noun.toLowerCase()} (${cases})', async () => {`, `\t\tconst service = new ${noun}Service();`, '\t\tconst api = { get: vi.fn().mockResolvedValue({ data: { id: 1 } }) };');
			const size = int(3, 10);
			for (let i = 0; i < size; i++) out.push(`\t\texpect(await service.${pick(verbs)}${noun}${int(1, 5)}('${int(1, 999)}', ${int(1, 99)})).toEqual({ id: ${int(1, 9)} });`);
			out.push('\t});', '');
		}
		out.push('});', '');
		return out.join('\n');
	}

	function bigComponent() {
		const out = [
			"import React, { useState, useEffect, useMemo } from 'react';",
			"import { amplitude } from '../../../shared/src/analytics/client';",
			"import { GROUP_COMPANY } from '../../../shared/src/analytics/groups';",
			'',
		];
		let functions = 0;
		while (out.length < 5000) {
			functions++;
			out.push(`export function ReportSection${functions}({ orgId, accountName, rows, items, options, id, value, api }: any) {`);
			for (let i = 0; i < 20; i++) out.push(...statement(true).split('\n'));
			if (functions === 40) out.push('\t' + bigFileMarker);
			if (functions === 80) out.push("\tamplitude.track('Report Exported', { format: 'csv' }, { groups: { [GROUP_COMPANY]: String(orgId) } });");
			out.push('\treturn <section>{accountName}</section>;', '}', '');
		}
		return out.join('\n');
	}

	function generatedApi(random_, lines) {
		const out = ['/* eslint-disable */', '// This file was generated by openapi-typescript-codegen. Do not edit.', ''];
		let n = 0;
		while (out.length < lines) {
			n++;
			const noun = pick(nouns);
			out.push(`export interface ${noun}Dto${n} {`, '\tid: string;', '\tname?: string;', '\tcreatedAt: string;', '}', `export async function get${noun}${n}(client: ApiClient, id: string): Promise<${noun}Dto${n}> {`, `\treturn client.request({ method: 'GET', url: \`/v2/${noun.toLowerCase()}/\${id}\` });`, '}', '');
		}
		return out.join('\n');
	}

	function minified(random_, bytes) {
		let text = '!function(e,t){"object"==typeof exports?module.exports=t():e.Lib=t()}(this,function(){';
		let n = 0;
		while (text.length < bytes) {
			n++;
			text += `var a${n}=function(e){return e&&e.__esModule?e:{default:e}};function b${n}(e,t){for(var n=0;n<t.length;n++){var r=t[n];r.enumerable=r.enumerable||!1,r.configurable=!0,"value"in r&&(r.writable=!0),Object.defineProperty(e,r.key,r)}}`;
			if (n % 97 === 0) text += `e.track=function(t,n){return this.q.push(["track",t,n])};`;
		}
		return text + '});\n';
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const options = parseGenerateArgs(process.argv.slice(2));
	const started = Date.now();
	const { folder, manifest, reused } = generate(options);
	process.stderr.write(`${reused ? 'reused' : 'generated'} ${folder}: ${manifest.stats.files} files, ${manifest.stats.lines} lines, ${manifest.stats.trackingFiles} with group calls (${Date.now() - started} ms)\n`);
	process.stdout.write(folder + '\n');
}
