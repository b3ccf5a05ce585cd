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

export const AwsCron = z
  .string()
  .superRefine((expression, context) => {
    const problem = awsCronProblem(expression);
    if (problem) context.addIssue({ code: "custom", message: problem, input: expression });
  })
  .describe('An AWS cron expression, such as "cron(0 5 ? * * *)" for 05:00 UTC daily.');
