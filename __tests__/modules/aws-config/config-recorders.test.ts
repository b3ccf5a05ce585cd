import { findControls } from "../../../compliance/controls/control";
import {
  CONFIG_RECORDING_CONTROL,
  ConfigRecorders,
} from "../../../modules/aws-config/config-recorders";
import type { ConfigRecordersProps } from "../../../modules/aws-config/config-recorders";
import { ruleViolations } from "../../helpers/rule-violations";
import { resourceNamed, resourcesOf, synthConstruct } from "../../helpers/synth-construct";

const REGIONS = ["us-east-1", "us-west-2", "eu-west-1"];
const PROPS: ConfigRecordersProps = {
  regions: REGIONS,
  homeRegion: "us-west-2",
  recorderName: "nwh-config",
  bucketName: "nwh-log-archive-config-111122223333",
  kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
};

type Json = ReturnType<typeof synthConstruct>;
const synthRecorders = (props: Partial<ConfigRecordersProps> = {}) =>
  synthConstruct((scope) => new ConfigRecorders(scope, "config", { ...PROPS, ...props }));
const named = (json: Json, type: string, id: string) => resourceNamed(json, type, `config_${id}_`);
/** `${<type>.config_<id>_<hash>.<attribute>}`, a reference to one of this construct's resources. */
const reference = (type: string, id: string, attribute: string) =>
  expect.stringMatching(new RegExp(`^\\$\\{${type}\\.config_${id}_[0-9A-F]+\\.${attribute}\\}$`));

test("refuses a home region it doesn't record, naming the regions it does", () => {
  expect(() => synthRecorders({ homeRegion: "ap-south-1" })).toThrow(
    "The home region ap-south-1 must be one of the recorded regions, got us-east-1, us-west-2, eu-west-1",
  );
});

describe("in three regions, with a home region that isn't the provider's", () => {
  let json: Json;
  beforeAll(() => {
    json = synthRecorders();
  });

  test("every rule of the guardrail pack passes", () => {
    expect(ruleViolations(json)).toEqual([]);
  });

  test("every region records every supported type; only the home region records global types", () => {
    for (const region of REGIONS) {
      expect(named(json, "aws_config_configuration_recorder", `recorder-${region}`)).toEqual({
        region,
        name: "nwh-config",
        role_arn: reference("aws_iam_service_linked_role", "service-linked-role", "arn"),
        recording_group: {
          all_supported: true,
          include_global_resource_types: region === "us-west-2",
        },
      });
    }
  });

  test("the recorders run as Config's one service-linked role", () => {
    expect(Object.values(resourcesOf(json, "aws_iam_service_linked_role"))).toEqual([
      { aws_service_name: "config.amazonaws.com" },
    ]);
  });

  test("each region delivers daily snapshots to the central bucket, encrypted with the given key, once its recorder exists", () => {
    for (const region of REGIONS) {
      expect(named(json, "aws_config_delivery_channel", `delivery-channel-${region}`)).toEqual({
        region,
        name: "nwh-config",
        s3_bucket_name: "nwh-log-archive-config-111122223333",
        s3_kms_key_arn: PROPS.kmsKeyArn,
        snapshot_delivery_properties: { delivery_frequency: "TwentyFour_Hours" },
        depends_on: [
          expect.stringMatching(
            new RegExp(`^aws_config_configuration_recorder\\.config_recorder-${region}_[0-9A-F]+$`),
          ),
        ],
      });
    }
  });

  test("each region's recorder is switched on once its delivery channel exists", () => {
    for (const region of REGIONS) {
      expect(
        named(json, "aws_config_configuration_recorder_status", `recorder-status-${region}`),
      ).toEqual({
        region,
        name: reference("aws_config_configuration_recorder", `recorder-${region}`, "name"),
        is_enabled: true,
        depends_on: [
          expect.stringMatching(
            new RegExp(
              `^aws_config_delivery_channel\\.config_delivery-channel-${region}_[0-9A-F]+$`,
            ),
          ),
        ],
      });
    }
  });
});

test("a single region records global types itself", () => {
  const json = synthRecorders({ regions: ["eu-west-1"], homeRegion: "eu-west-1" });
  expect(
    named(json, "aws_config_configuration_recorder", "recorder-eu-west-1").recording_group,
  ).toEqual({ all_supported: true, include_global_resource_types: true });
  expect(ruleViolations(json)).toEqual([]);
});

test("declares the config-recording control, for the evidence", () => {
  let recorders: ConfigRecorders | undefined;
  synthConstruct((scope) => {
    recorders = new ConfigRecorders(scope, "config", PROPS);
  });
  expect(findControls(recorders!)).toEqual([
    { control: CONFIG_RECORDING_CONTROL, constructPath: recorders!.node.path },
  ]);
});
