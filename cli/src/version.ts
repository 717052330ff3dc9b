declare const TRACKPLAN_VERSION: string | undefined;

/** The package version, set by the bundler; `dev` when running from the compiled sources (tests). */
export function trackplanVersion(): string {
	return typeof TRACKPLAN_VERSION === 'string' ? TRACKPLAN_VERSION : 'dev';
}
