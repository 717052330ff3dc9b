/** A problem with how Trackplan was asked to run (missing path, unreadable plan): the CLI's exit code 2. */
export class ConfigurationError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConfigurationError';
	}
}
