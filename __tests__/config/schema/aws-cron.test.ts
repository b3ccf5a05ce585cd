import { awsCronProblem, dailyCronProblem } from "../../../config/schema/aws-cron";

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

describe("a daily schedule runs once a day, every day", () => {
  test.each(["cron(0 2 ? * * *)", "cron(30 23 * * ? *)", "cron(0 2 ? * SUN-SAT *)"])(
    "%s is daily",
    (expression) => {
      expect(dailyCronProblem(expression)).toBeUndefined();
    },
  );

  test.each([
    ["cron(0/5 * ? * * *)", "runs more than once a day"],
    ["cron(0 2,14 ? * * *)", "runs more than once a day"],
    ["cron(0,30 2 ? * * *)", "runs more than once a day"],
    ["cron(0 2 ? * MON-FRI *)", "skips days"],
    ["cron(0 2 L * ? *)", "skips days"],
    ["cron(0 2 ? 1-6 * *)", "skips days"],
    ["cron(0 2 ? * * 2027)", "skips days"],
    ["cron(0 5 * * * *)", 'must have "?" in exactly one of day-of-month and day-of-week'],
  ])("%s is refused: %s", (expression, problem) => {
    expect(dailyCronProblem(expression)).toBe(problem);
  });
});
