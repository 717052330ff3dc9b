import * as amplitude from '@amplitude/analytics-browser';

export function startAnalytics(apiKey: string): void {
	amplitude.init(apiKey, undefined, {
		defaultTracking: { sessions: true, pageViews: true },
	});
}

export { amplitude };
