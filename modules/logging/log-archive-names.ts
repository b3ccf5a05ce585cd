import { logArchiveBucketPattern } from "../organizations/policies/protect-logging-scp";

/**
 * Names of the log archive's buckets and keys. The guardrails protect them by these patterns
 * (`<prefix>-log-archive-*`, `alias/<prefix>/*`), so they are derived here, once.
 */
export function logArchiveNames(resourcePrefix: string, managementAccountId: string) {
  const bucket = (purpose: string) =>
    logArchiveBucketPattern({ resourcePrefix }).replace("*", `${purpose}-${managementAccountId}`);
  return {
    trailBucket: bucket("cloudtrail"),
    configBucket: bucket("config"),
    accessLogBucket: bucket("access-logs"),
    trailKeyAlias: `${resourcePrefix}/cloudtrail`,
    configKeyAlias: `${resourcePrefix}/config`,
    logsKeyAlias: `${resourcePrefix}/logs`,
    trailName: `${resourcePrefix}-organization-trail`,
  };
}
