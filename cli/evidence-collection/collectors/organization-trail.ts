import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetTrailStatusCommand,
} from "@aws-sdk/client-cloudtrail";
import { logArchiveNames } from "../../../modules/logging/log-archive-names";
import { NOT_COLLECTED } from "../evidence-run";
import type { CheckResult, EvidenceCheck, EvidenceRun, Flag } from "../evidence-run";

/** A trail that delivered nothing for this long is not logging, whatever its status says. */
const STALE_DELIVERY_HOURS = 24;

const iso = (date: Date | undefined) => date?.toISOString() ?? null;

/**
 * The organization trail, read in the management account's home region: that it is logging, when
 * it last delivered log files and digests (and to CloudWatch Logs), and any delivery error.
 */
export const ORGANIZATION_TRAIL: EvidenceCheck = {
  id: "cloudtrail",
  title: "The organization trail: logging, its latest deliveries and any delivery error",
  criteria: ["CC7.2", "CC7.3", "CC4.1"],
  covers: "collection time",
  async collect(run: EvidenceRun): Promise<CheckResult> {
    const organization = run.config.organization.config;
    const expectedName = logArchiveNames(
      organization.resourcePrefix,
      organization.managementAccountId,
    ).trailName;
    const read = await run.inAccount(
      this.id,
      run.managementAccount,
      run.homeRegion,
      async ({ clients, region }) => {
        const client = clients.client(CloudTrailClient, region);
        const { trailList = [] } = await client.send(
          new DescribeTrailsCommand({ includeShadowTrails: false }),
        );
        const trails = [];
        for (const trail of trailList.filter(
          (candidate) => candidate.IsOrganizationTrail || candidate.Name === expectedName,
        )) {
          const status = await client.send(new GetTrailStatusCommand({ Name: trail.TrailARN }));
          trails.push({ trail, status });
        }
        return trails;
      },
    );
    if (!read) return NOT_COLLECTED;
    const flags: Flag[] = [];
    const staleBefore = run.collectedAt.getTime() - STALE_DELIVERY_HOURS * 60 * 60 * 1000;
    if (!read.value.some(({ trail }) => trail.Name === expectedName))
      flags.push({ issue: `the organization trail ${expectedName} does not exist` });
    const trails = read.value.map(({ trail, status }) => {
      const name = trail.Name ?? "";
      const issues = [
        ...(status.IsLogging ? [] : ["is not logging"]),
        ...(trail.IsOrganizationTrail ? [] : ["is not an organization trail"]),
        ...(trail.IsMultiRegionTrail ? [] : ["is not multi-region"]),
        ...(trail.LogFileValidationEnabled ? [] : ["has log file validation off"]),
        ...(status.LatestDeliveryError
          ? [`failed its latest delivery: ${status.LatestDeliveryError}`]
          : []),
        ...(status.LatestDigestDeliveryError
          ? [`failed its latest digest delivery: ${status.LatestDigestDeliveryError}`]
          : []),
        ...(status.LatestCloudWatchLogsDeliveryError
          ? [
              `failed its latest CloudWatch Logs delivery: ${status.LatestCloudWatchLogsDeliveryError}`,
            ]
          : []),
        ...(!status.LatestDeliveryTime
          ? ["has never delivered a log file"]
          : status.LatestDeliveryTime.getTime() < staleBefore
            ? [`has delivered nothing for more than ${STALE_DELIVERY_HOURS} hours`]
            : []),
      ];
      for (const issue of issues)
        flags.push({ region: trail.HomeRegion, issue: `${name} ${issue}` });
      return {
        name,
        arn: trail.TrailARN ?? null,
        homeRegion: trail.HomeRegion ?? null,
        organizationTrail: trail.IsOrganizationTrail ?? false,
        multiRegion: trail.IsMultiRegionTrail ?? false,
        logFileValidation: trail.LogFileValidationEnabled ?? false,
        bucket: trail.S3BucketName ?? null,
        kmsKey: trail.KmsKeyId ?? null,
        cloudWatchLogsGroup: trail.CloudWatchLogsLogGroupArn ?? null,
        logging: status.IsLogging ?? false,
        startLoggingTime: iso(status.StartLoggingTime),
        stopLoggingTime: iso(status.StopLoggingTime),
        latestDeliveryTime: iso(status.LatestDeliveryTime),
        latestDeliveryError: status.LatestDeliveryError || null,
        latestDigestDeliveryTime: iso(status.LatestDigestDeliveryTime),
        latestDigestDeliveryError: status.LatestDigestDeliveryError || null,
        latestCloudWatchLogsDeliveryTime: iso(status.LatestCloudWatchLogsDeliveryTime),
        latestCloudWatchLogsDeliveryError: status.LatestCloudWatchLogsDeliveryError || null,
      };
    });
    return {
      summary: {
        organizationTrails: trails.filter((trail) => trail.organizationTrail).length,
        logging: trails.filter((trail) => trail.logging).length,
        issues: flags.length,
      },
      flags,
      results: { expectedTrail: expectedName, trails },
    };
  },
};
