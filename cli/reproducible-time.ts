/**
 * The current time, or SOURCE_DATE_EPOCH when it is set: records written by the CLI are
 * reproducible, as for any build artifact.
 */
export function reproducibleNow(env: NodeJS.ProcessEnv): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
}

/** reproducibleNow's date, as YYYY-MM-DD: the "today" that expiry and closure checks compare with. */
export function reproducibleToday(env: NodeJS.ProcessEnv): string {
  return reproducibleNow(env).toISOString().slice(0, 10);
}
