import { block, blocks, expectThat, nonCompliant } from "./rule";
import type { ResourceRef, Rule, RuleContext } from "./rule";

const RECORDER = ["aws_config_configuration_recorder"];

const recordsGlobalTypes = (recorder: ResourceRef) =>
  block(recorder.body.recording_group)?.include_global_resource_types === true;

export const CONFIG_RULES: readonly Rule[] = [
  {
    id: "LZ-CFG-001",
    criteria: ["CC7.1", "CC8.1"],
    title: "Config recorders record every supported resource type",
    fix: "Set recording_group.all_supported = true.",
    appliesTo: RECORDER,
    check: (recorder) =>
      expectThat(
        block(recorder.body.recording_group)?.all_supported === true,
        "records only some resource types",
      ),
  },
  {
    id: "LZ-CFG-002",
    criteria: ["CC7.1"],
    title: "Global resource types are recorded in exactly one region per account",
    fix: "Set include_global_resource_types = true on the home region's recorder only; duplicates double-count IAM changes.",
    appliesTo: RECORDER,
    check(recorder, context: RuleContext) {
      const recorders = context.resourcesOf("aws_config_configuration_recorder");
      const global = recorders.filter(recordsGlobalTypes);
      if (global.length === 0) {
        return recorder.address === recorders[0].address
          ? nonCompliant("no recorder in this account records global resource types")
          : { status: "compliant" };
      }
      return expectThat(
        global.length === 1 || !recordsGlobalTypes(recorder),
        `is one of ${global.length} recorders recording global types`,
      );
    },
  },
  {
    id: "LZ-CFG-003",
    criteria: ["CC7.1"],
    title: "Every recorder is switched on and has a delivery channel",
    fix: "Add an aws_config_configuration_recorder_status with is_enabled = true and an aws_config_delivery_channel in the recorder's region.",
    appliesTo: RECORDER,
    check(recorder, context) {
      const statuses = context.referencing(
        "aws_config_configuration_recorder_status",
        "name",
        recorder,
        recorder.body.name,
      );
      if (!statuses.some((status) => status.body.is_enabled === true))
        return nonCompliant("is not enabled");
      const channels = context
        .resourcesOf("aws_config_delivery_channel")
        .filter((channel) => channel.body.region === recorder.body.region);
      return expectThat(channels.length > 0, "has no delivery channel in its region");
    },
  },
  {
    id: "LZ-CFG-004",
    criteria: ["CC7.1", "CC4.1"],
    title: "The Config aggregator covers every region",
    fix: "Set all_regions = true on the aggregator's organization_aggregation_source.",
    appliesTo: ["aws_config_configuration_aggregator"],
    check: (aggregator) => {
      const sources = [
        ...blocks(aggregator.body.organization_aggregation_source),
        ...blocks(aggregator.body.account_aggregation_source),
      ];
      return expectThat(
        sources.length > 0 && sources.every((source) => source.all_regions === true),
        "does not cover all regions",
      );
    },
  },
];
