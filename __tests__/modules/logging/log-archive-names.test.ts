import { logArchiveNames } from "../../../modules/logging/log-archive-names";
import { keyAliasPattern, logArchiveBucketPattern } from "../../../contracts/resource-names";

const names = logArchiveNames("nwh", "111122223333");

test("names are derived from the prefix and, for global bucket names, the management account", () => {
  expect(names).toEqual({
    trailBucket: "nwh-log-archive-cloudtrail-111122223333",
    configBucket: "nwh-log-archive-config-111122223333",
    accessLogBucket: "nwh-log-archive-access-logs-111122223333",
    networkLogsBucket: "nwh-log-archive-network-111122223333",
    trailKeyAlias: "nwh/cloudtrail",
    configKeyAlias: "nwh/config",
    logsKeyAlias: "nwh/logs",
    networkLogsKeyAlias: "nwh/network-logs",
    trailName: "nwh-organization-trail",
  });
});

test("every bucket falls under the pattern the guardrails protect, and no two share a name", () => {
  const pattern = logArchiveBucketPattern("nwh");
  const protectedName = new RegExp(`^${pattern.replace("*", ".+")}$`);
  const buckets = [
    names.trailBucket,
    names.configBucket,
    names.accessLogBucket,
    names.networkLogsBucket,
  ];
  for (const bucket of buckets) expect(bucket).toMatch(protectedName);
  expect(new Set(buckets).size).toBe(buckets.length);
});

test("every key alias falls under the alias pattern the guardrails protect", () => {
  const protectedAlias = new RegExp(`^${keyAliasPattern("nwh").replace("*", "[\\w-]+")}$`);
  for (const alias of [
    names.trailKeyAlias,
    names.configKeyAlias,
    names.logsKeyAlias,
    names.networkLogsKeyAlias,
  ])
    expect(`alias/${alias}`).toMatch(protectedAlias);
});

test("every name follows the prefix: none is hard-coded", () => {
  const other = logArchiveNames("acme", "111122223333");
  for (const key of Object.keys(names) as (keyof typeof names)[])
    expect(other[key]).not.toBe(names[key]);
});
