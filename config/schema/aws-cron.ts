import AwsCronParser from "aws-cron-parser";
import { z } from "zod";

/** Why an AWS cron expression is invalid, or undefined when it is valid. */
export function awsCronProblem(expression: string): string | undefined {
  const inner = /^cron\((.*)\)$/.exec(expression.trim())?.[1];
  if (inner === undefined)
    return "is not of the form cron(minutes hours day-of-month month day-of-week year)";
  const fields = inner.trim().split(/\s+/);
  if (fields.length !== 6) return `has ${fields.length} fields; AWS cron expressions have 6`;
  // AWS refuses a value in both day fields: one of them must be "?".
  if ((fields[2] === "?") === (fields[4] === "?"))
    return 'must have "?" in exactly one of day-of-month and day-of-week';
  try {
    AwsCronParser.parse(inner);
    return undefined;
  } catch (error) {
    return `is not a valid AWS cron expression (${(error as Error).message})`;
  }
}

const EVERY_YEAR = AwsCronParser.parse("0 0 ? * * *").years.length;
const isRange = (values: readonly (string | number)[], first: number, last: number) =>
  values.length === last - first + 1 && values.every((value, index) => value === first + index);

/**
 * Why an AWS cron expression does not run once a day, every day, or undefined when it does.
 * One minute and one hour make at most one run a day; every day of every month and year makes at
 * least one.
 */
export function dailyCronProblem(expression: string): string | undefined {
  const problem = awsCronProblem(expression);
  if (problem) return problem;
  const cron = AwsCronParser.parse(/^cron\((.*)\)$/.exec(expression.trim())![1]);
  if (cron.minutes.length > 1 || cron.hours.length > 1) return "runs more than once a day";
  const everyDay =
    (cron.daysOfMonth.length === 0
      ? isRange(cron.daysOfWeek, 1, 7)
      : isRange(cron.daysOfMonth, 1, 31)) &&
    isRange(cron.months, 1, 12) &&
    cron.years.length === EVERY_YEAR;
  return everyDay ? undefined : "skips days";
}

function cronSchema(problemOf: (expression: string) => string | undefined) {
  return z.string().superRefine((expression, context) => {
    const problem = problemOf(expression);
    if (problem) context.addIssue({ code: "custom", message: problem, input: expression });
  });
}

export const AwsCron = cronSchema(awsCronProblem).describe(
  'An AWS cron expression, such as "cron(0 5 ? * * *)" for 05:00 UTC daily.',
);

/** An AWS cron expression that runs once a day, every day, for what the evidence calls daily. */
export const DailyAwsCron = cronSchema(dailyCronProblem).describe(
  'An AWS cron expression that runs once a day, every day, such as "cron(0 2 ? * * *)" for 02:00 UTC.',
);
