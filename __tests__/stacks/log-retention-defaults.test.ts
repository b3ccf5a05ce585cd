import { retentionMeeting } from "../../config/model/log-retention";
import { editedExample } from "../helpers/example-config";
import { synthLandingZone } from "../helpers/synth";

/** The example with a stricter log minimum (400 days), and prod's WAF retention as given. */
function exampleWithMinimum(prodWafRetention: string | undefined): string {
  return editedExample([
    ["organization.yaml", "minimumLogRetentionDays: 365", "minimumLogRetentionDays: 400"],
    [
      "prod.yaml",
      "    logRetentionDays: 400\n",
      prodWafRetention ? `    logRetentionDays: ${prodWafRetention}\n` : "",
    ],
  ]);
}

test("defaults meet the organization's own minimum: the shortest retention CloudWatch accepts", () => {
  expect(retentionMeeting(365)).toBe(365);
  expect(retentionMeeting(366)).toBe(400);
  expect(retentionMeeting(4000)).toBe(0);
  const out = synthLandingZone(exampleWithMinimum(undefined));
  const retention = (stack: string) =>
    Object.values(out.resources(stack, "aws_cloudwatch_log_group")).map(
      (group) => group.retention_in_days,
    );
  expect(new Set(retention("account-prod-data"))).toEqual(new Set([400]));
  expect(retention("logging")).toContain(400);
});

test("a configured retention below the minimum is a config error naming the YAML key, once", () => {
  const synth = () => synthLandingZone(exampleWithMinimum("365"));
  expect(synth).toThrow("has 1 problem");
  expect(synth).toThrow(
    /prod\.yaml:\d+ baseline\.waf\.logRetentionDays: 365 is less than compliance\.minimumLogRetentionDays \(400\)/,
  );
});
