import { createInstance } from '@amplitude/analytics-node';

/** The back end's Amplitude client. Server calls must always say whose action it was (user_id). */
export const amplitude = createInstance();

amplitude.init(process.env.AMPLITUDE_API_KEY ?? '', { flushIntervalMillis: 5_000 });
