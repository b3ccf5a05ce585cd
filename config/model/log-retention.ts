import { CLOUDWATCH_RETENTION_DAYS } from "../schema/logging-schema";

/**
 * The shortest retention CloudWatch Logs accepts that keeps logs at least `minimumDays`: the
 * default for log groups the config doesn't size, so a default never breaks the organization's
 * own minimum. Beyond CloudWatch's longest fixed retention, logs are kept forever (0).
 */
export function retentionMeeting(minimumDays: number): number {
  return CLOUDWATCH_RETENTION_DAYS.find((days) => days >= minimumDays) ?? 0;
}
