import { awsCronProblem } from "../../../environments/schema/aws-cron";

test.each([
  "cron(0 5 ? * * *)",
  "cron(0 3 ? * SUN *)",
  "cron(0 7 1 * ? *)",
  "cron(15 10 ? * MON-FRI *)",
  "cron(0/30 * ? * * *)",
])("%s is a valid AWS cron expression", (expression) => {
  expect(awsCronProblem(expression)).toBeUndefined();
});

test.each([
  ["0 5 ? * * *", "is not of the form cron(minutes hours day-of-month month day-of-week year)"],
  ["cron(0 5 ? * *)", "has 5 fields; AWS cron expressions have 6"],
  ["cron(0 5 * * * *)", 'must have "?" in exactly one of day-of-month and day-of-week'],
  ["cron(0 5 ? * ? *)", 'must have "?" in exactly one of day-of-month and day-of-week'],
  [
    "cron(61 5 ? * * *)",
    "is not a valid AWS cron expression (Invalid: number 61 is not between 0 and 59)",
  ],
  [
    "cron(0 25 ? * * *)",
    "is not a valid AWS cron expression (Invalid: number 25 is not between 0 and 23)",
  ],
])("%s is refused: %s", (expression, problem) => {
  expect(awsCronProblem(expression)).toBe(problem);
});
