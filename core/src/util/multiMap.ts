/** Appends `value` to the list `map` keeps for `key`, starting the list if there is none. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}
