import { keyAlias, logArchiveBucketPattern } from "../../contracts/resource-names";

/**
 * Names of the log archive's buckets and keys, under the patterns the guardrails protect
 * (contracts/resource-names.ts).
 */
export function logArchiveNames(resourcePrefix: string, managementAccountId: string) {
  const bucket = (purpose: string) =>
    logArchiveBucketPattern(resourcePrefix).replace("*", `${purpose}-${managementAccountId}`);
  return {
    trailBucket: bucket("cloudtrail"),
    configBucket: bucket("config"),
    accessLogBucket: bucket("access-logs"),
    networkLogsBucket: bucket("network"),
    trailKeyAlias: keyAlias(resourcePrefix, "cloudtrail"),
    configKeyAlias: keyAlias(resourcePrefix, "config"),
    logsKeyAlias: keyAlias(resourcePrefix, "logs"),
    networkLogsKeyAlias: keyAlias(resourcePrefix, "network-logs"),
    trailName: `${resourcePrefix}-organization-trail`,
  };
}
