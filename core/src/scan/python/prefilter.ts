/**
 * The Python front end's cheap text test: a file that names none of the SDK methods, payload keys
 * or wrapper modules cannot hold a call, and is not parsed (most files of a Django or FastAPI app).
 */
const trigger = /set_group|group_identify|groups|\.group\(|\bampli\b|event_type|\.track\(|BaseEvent|GroupIdentifyEvent|IdentifyEvent/;

export function mayContainPythonGroupCalls(text: string): boolean {
	return trigger.test(text);
}
