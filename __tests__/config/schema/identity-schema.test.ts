import { durationSeconds, IdentityConfigSchema } from "../../../config/schema/identity-schema";

const withSession = (sessionDuration: string) =>
  IdentityConfigSchema.safeParse({
    permissionSets: [{ name: "ReadOnly", description: "Read only", sessionDuration }],
  });

test.each([
  ["PT1H", 3600],
  ["PT8H30M", 30_600],
  ["PT1H30M15S", 5415],
  ["PT3600S", 3600],
  ["PT90M", 5400],
  ["PT1H0.5S", 3600.5],
  ["P1D", 86_400],
  ["P1W", 604_800],
  ["P1DT2H", 93_600],
])("%s is an ISO 8601 duration of %d seconds", (duration, seconds) => {
  expect(durationSeconds(duration)).toBe(seconds);
});

test.each(["8 hours", "PT", "P", "PT1.5H", "P1DT", "1H", "pt1h", "-PT1H", "PT1S1M"])(
  "%s is not an ISO 8601 duration",
  (duration) => {
    expect(durationSeconds(duration)).toBeUndefined();
  },
);

test.each(["PT1H", "PT1H30M15S", "PT12H", "PT43200S", "PT11H59M59S"])(
  "a session of %s is accepted",
  (duration) => {
    expect(withSession(duration).success).toBe(true);
  },
);

test.each([
  ["PT59M59S", "is outside the 1 to 12 hours Identity Center allows"],
  ["PT12H0M1S", "is outside the 1 to 12 hours Identity Center allows"],
  ["P1D", "is outside the 1 to 12 hours Identity Center allows"],
  ["8 hours", "is not an ISO 8601 duration such as PT1H or PT8H30M"],
])("a session of %s is refused: %s", (duration, message) => {
  const result = withSession(duration);
  expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
});
