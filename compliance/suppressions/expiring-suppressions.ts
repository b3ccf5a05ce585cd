import type { SuppressionConfig } from "../../config/schema/compliance-schema";
import type { DisabledControlConfig } from "../../config/schema/security-findings-schema";

/** How long before its expiry a suppression is announced, so it can be renewed or fixed in time. */
const EXPIRY_WARNING_DAYS = 30;

export interface ExpiringSuppression {
  readonly rule: string;
  readonly resource: string;
  readonly expires: string;
  readonly daysLeft: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Suppressions that lapse within `withinDays` of `today` (both YYYY-MM-DD), soonest first. Those
 * already past are config errors (checkSuppressions), not warnings.
 */
export function expiringSuppressions(
  suppressions: readonly SuppressionConfig[],
  today: string,
  withinDays: number = EXPIRY_WARNING_DAYS,
): ExpiringSuppression[] {
  return suppressions
    .flatMap((suppression) => {
      if (!suppression.expires) return [];
      const daysLeft = Math.round((Date.parse(suppression.expires) - Date.parse(today)) / DAY_MS);
      if (daysLeft < 0 || daysLeft > withinDays) return [];
      const { rule, resource, expires } = suppression;
      return [{ rule, resource, expires, daysLeft }];
    })
    .sort((a, b) => a.daysLeft - b.daysLeft || a.rule.localeCompare(b.rule));
}

/**
 * Security Hub controls disabled in config, as exceptions that lapse like suppressions: the synth
 * summary and the change record announce them the same way before they expire.
 */
export function securityHubTuningExceptions(
  disabledControls: readonly DisabledControlConfig[],
): SuppressionConfig[] {
  return disabledControls.map(({ control, justification, expires }) => ({
    rule: `Security Hub ${control}`,
    resource: "securityServices.securityHub.disabledControls",
    justification,
    expires,
  }));
}

/** One line per suppression, as the synth summary and the change record show them. */
export function describeExpiring(suppression: ExpiringSuppression): string {
  const when =
    suppression.daysLeft === 0
      ? "today"
      : `in ${suppression.daysLeft} day${suppression.daysLeft === 1 ? "" : "s"}`;
  return `${suppression.rule} on ${suppression.resource} expires ${when} (${suppression.expires}): renew it with a new justification, or fix the resource; after that date synth fails`;
}
