import type { Connection } from 'vscode-languageserver';
import { defaultMaxFileSize, isRuleCode, type RuleSeverities, type SeveritySetting } from '../../core/src/index';

/** The `trackplan.*` settings that apply to one resource. */
export interface TrackplanSettings {
	/** A plan path (relative to the workspace folder) that governs every file, instead of the nearest plan. */
	readonly plan: string;
	readonly include: readonly string[];
	readonly exclude: readonly string[];
	readonly rules: RuleSeverities;
	readonly maxFileSize: number;
}

export const defaultSettings: TrackplanSettings = { plan: '', include: [], exclude: [], rules: {}, maxFileSize: defaultMaxFileSize };

const severities: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

/** Reads settings per resource through `workspace/configuration`, cached until the client says they changed. */
export class SettingsCache {
	private readonly cache = new Map<string, Promise<TrackplanSettings>>();

	constructor(
		private readonly connection: Connection,
		private readonly supported: () => boolean,
	) {}

	get(uri: string): Promise<TrackplanSettings> {
		if (!this.supported()) return Promise.resolve(defaultSettings);
		let settings = this.cache.get(uri);
		if (!settings) {
			settings = this.connection.workspace
				.getConfiguration({ scopeUri: uri, section: 'trackplan' })
				.then(normalise, () => defaultSettings);
			this.cache.set(uri, settings);
		}
		return settings;
	}

	clear(): void {
		this.cache.clear();
	}
}

function normalise(raw: unknown): TrackplanSettings {
	const value = (raw ?? {}) as Record<string, unknown>;
	const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
	const rules: RuleSeverities = {};
	const rawRules = value.rules;
	if (rawRules && typeof rawRules === 'object') {
		for (const [code, severity] of Object.entries(rawRules as Record<string, unknown>)) {
			if (isRuleCode(code) && severities.includes(severity as SeveritySetting)) rules[code] = severity as SeveritySetting;
		}
	}
	const maxFileSize = typeof value.maxFileSize === 'number' && value.maxFileSize > 0 ? value.maxFileSize : defaultMaxFileSize;
	return { plan: typeof value.plan === 'string' ? value.plan : '', include: strings(value.include), exclude: strings(value.exclude), rules, maxFileSize };
}
