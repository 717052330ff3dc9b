import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { TextRange } from '../text/textRange';
import type { EventDecl, GroupPropertyDecl, GroupTypeDecl, Limit, Named, PlanModel, PropertyDecl, PropertySource } from './planModel';
import { defaultLimits, planShape, propertyTypes, type PropertyType, type StringShape } from './planShape';
import { keyRange, keyText, pairRange, pairsOf, rangeOf, type PlanNode, type YamlNodeReader } from './yamlNodes';

/**
 * Builds the typed plan from its YAML tree. Tolerant: values of the wrong shape are left out (the
 * validator reports them); of a key declared twice, the first declaration counts.
 */
export function buildPlanModel(uri: string, root: PlanNode, reader: YamlNodeReader): PlanModel {
	const fields = new FieldReader(reader);
	const top = isMap(root) ? root : undefined;
	const limitsNode = fields.map(top, 'limits');
	const sourcesNode = fields.map(top, 'sources');
	const segmentNode = fields.map(top, 'segment');
	const segmentShape = planShape.fields.segment;
	const segmentFields = segmentShape?.kind === 'object' ? segmentShape.fields : {};

	const limit = (key: keyof typeof defaultLimits): Limit => {
		const entry = fields.entry(limitsNode, key);
		const value = entry && isScalar(entry.node) ? entry.node.value : undefined;
		return typeof value === 'number' && Number.isInteger(value) && value >= 1
			? { value, range: rangeOf(entry!.node) ?? entry!.keyRange }
			: { value: defaultLimits[key] };
	};

	return {
		uri,
		...optional('project', fields.string(top, 'project')),
		limits: {
			groupTypes: limit('groupTypes'),
			groupProperties: limit('groupProperties'),
			groupTypesPerEvent: limit('groupTypesPerEvent'),
			groupValuesPerEvent: limit('groupValuesPerEvent'),
		},
		sources: {
			include: fields.strings(sourcesNode, 'include')?.map((n) => n.name) ?? ['**/*'],
			exclude: fields.strings(sourcesNode, 'exclude')?.map((n) => n.name) ?? [],
		},
		segment: {
			destination: fields.oneOf(segmentNode, 'destination', ['classic', 'actions'] as const) ?? 'classic',
			groupTypeTrait: fields.string(segmentNode, 'groupTypeTrait') ?? (segmentFields.groupTypeTrait as StringShape).default!,
			groupValueTrait: fields.string(segmentNode, 'groupValueTrait') ?? (segmentFields.groupValueTrait as StringShape).default!,
		},
		groupTypes: fields.namedEntries(fields.map(top, 'groupTypes'), (name, node, entry) => buildGroupType(fields, name, node, entry)),
		events: fields.namedEntries(fields.map(top, 'events'), (name, node, entry) => buildEvent(fields, name, node, entry)),
	};
}

function buildGroupType(fields: FieldReader, name: Named, node: YAMLMap | undefined, entryRange: TextRange): GroupTypeDecl {
	const displayProperty = fields.named(node, 'displayProperty');
	const salesforceNode = fields.map(node, 'salesforce');
	const syncEveryDays = fields.integer(salesforceNode, 'syncEveryDays');
	return {
		...name,
		entryRange,
		...optional('description', fields.string(node, 'description')),
		level: fields.oneOf(node, 'level', ['user', 'event', 'any'] as const) ?? 'any',
		value: fields.oneOf(node, 'value', ['numeric', 'string'] as const) ?? 'string',
		...optional('displayProperty', displayProperty),
		properties: fields.namedEntries(fields.map(node, 'properties'), (property, propertyNode) => ({
			...buildProperty(fields, property, propertyNode),
			groupType: name.name,
		})) as GroupPropertyDecl[],
		...(salesforceNode ? { salesforce: optional('syncEveryDays', syncEveryDays) } : {}),
	};
}

function buildEvent(fields: FieldReader, name: Named, node: YAMLMap | undefined, entryRange: TextRange): EventDecl {
	return {
		...name,
		entryRange,
		...optional('description', fields.string(node, 'description')),
		groups: fields.strings(node, 'groups') ?? [],
		properties: fields.namedEntries(fields.map(node, 'properties'), (property, propertyNode) => buildProperty(fields, property, propertyNode)),
	};
}

function buildProperty(fields: FieldReader, name: Named, node: YAMLMap | undefined): PropertyDecl {
	const source = fields.oneOf(node, 'source', ['code', 'salesforce', 'dynamic'] as const);
	const dynamic = fields.boolean(node, 'dynamic') === true || source === 'dynamic';
	const enumValues = fields.scalars(node, 'enum');
	return {
		...name,
		...optional('type', fields.oneOf(node, 'type', propertyTypes) as PropertyType | undefined),
		...optional('enum', enumValues),
		...optional('description', fields.string(node, 'description')),
		dynamic,
		source: (source ?? (dynamic ? 'dynamic' : 'code')) as PropertySource,
	};
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
	return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Typed reads of a mapping's fields; each answers undefined when the field is missing or mistyped. */
class FieldReader {
	constructor(private readonly reader: YamlNodeReader) {}

	entry(map: YAMLMap | undefined, key: string): { node: PlanNode; keyRange: TextRange } | undefined {
		if (!map) return undefined;
		for (const pair of pairsOf(map)) {
			if (keyText(pair) === key) return { node: this.reader.resolve(pair.value), keyRange: keyRange(pair) };
		}
		return undefined;
	}

	map(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
		const node = this.entry(map, key)?.node;
		return isMap(node) ? node : undefined;
	}

	string(map: YAMLMap | undefined, key: string): string | undefined {
		return this.named(map, key)?.name;
	}

	named(map: YAMLMap | undefined, key: string): Named | undefined {
		const node = this.entry(map, key)?.node;
		if (!isScalar(node) || typeof node.value !== 'string') return undefined;
		return { name: node.value, range: rangeOf(node)! };
	}

	oneOf<T extends string>(map: YAMLMap | undefined, key: string, allowed: readonly T[]): T | undefined {
		const value = this.string(map, key);
		return allowed.includes(value as T) ? (value as T) : undefined;
	}

	integer(map: YAMLMap | undefined, key: string): number | undefined {
		const node = this.entry(map, key)?.node;
		return isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
	}

	boolean(map: YAMLMap | undefined, key: string): boolean | undefined {
		const node = this.entry(map, key)?.node;
		return isScalar(node) && typeof node.value === 'boolean' ? node.value : undefined;
	}

	strings(map: YAMLMap | undefined, key: string): Named[] | undefined {
		const node = this.entry(map, key)?.node;
		if (!isSeq(node)) return undefined;
		const result: Named[] = [];
		for (const item of node.items) {
			const resolved = this.reader.resolve(item);
			if (isScalar(resolved) && typeof resolved.value === 'string') result.push({ name: resolved.value, range: rangeOf(resolved)! });
		}
		return result;
	}

	scalars(map: YAMLMap | undefined, key: string): (string | number | boolean)[] | undefined {
		const node = this.entry(map, key)?.node;
		if (!isSeq(node)) return undefined;
		const result: (string | number | boolean)[] = [];
		for (const item of node.items) {
			const value = (this.reader.resolve(item) as { value?: unknown } | null)?.value;
			if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') result.push(value);
		}
		return result;
	}

	/** The entries of a user-named mapping, in order, first declaration winning. */
	namedEntries<T>(map: YAMLMap | undefined, build: (name: Named, node: YAMLMap | undefined, entryRange: TextRange) => T): T[] {
		if (!map) return [];
		const seen = new Set<string>();
		const result: T[] = [];
		for (const pair of pairsOf(map)) {
			const key = keyText(pair);
			if (key === undefined || seen.has(key)) continue;
			seen.add(key);
			const node = this.reader.resolve(pair.value);
			result.push(build({ name: key, range: keyRange(pair) }, isMap(node) ? node : undefined, pairRange(pair)));
		}
		return result;
	}
}
