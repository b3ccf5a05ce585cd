/** Lifecycle states of a workload account after it has been created. */
export const ACCOUNT_STATES = ["quarantined", "closing"] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

/**
 * AWS closes at most 10% of an organization's member accounts in any 30 days, but never fewer
 * than 10 nor more than 1,000 (the Organizations quota on account closures).
 */
export const CLOSURE_WINDOW_DAYS = 30;
export const CLOSURE_SHARE = 0.1;
export const CLOSURE_MINIMUM = 10;
export const CLOSURE_MAXIMUM = 1000;
/** The landing zone closes at most this many accounts at a time. */
export const CONCURRENT_CLOSURES = 3;
