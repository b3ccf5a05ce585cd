import { ConfigConfigurationRecorder } from "@cdktf/provider-aws/lib/config-configuration-recorder";
import { ConfigConfigurationRecorderStatus } from "@cdktf/provider-aws/lib/config-configuration-recorder-status";
import { ConfigDeliveryChannel } from "@cdktf/provider-aws/lib/config-delivery-channel";
import { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";

export const CONFIG_RECORDING_CONTROL = defineControl({
  id: "config-recording",
  description:
    "Every account records the configuration of every supported resource in every governed region, delivered encrypted to the log archive",
  criteria: ["CC7.1", "CC8.1", "CC4.1", "CC3.4"],
});

export interface ConfigRecordersProps {
  readonly regions: readonly string[];
  /** The one region that records global resources (IAM), so they are counted once. */
  readonly homeRegion: string;
  readonly recorderName: string;
  readonly bucketName: string;
  readonly kmsKeyArn: string;
}

/**
 * AWS Config in every governed region of one account: a recorder of all supported types, its
 * delivery channel to the central bucket, and its status switched on. They run as the Config
 * service-linked role.
 */
export class ConfigRecorders extends Construct {
  constructor(scope: Construct, id: string, props: ConfigRecordersProps) {
    super(scope, id);
    implementsControl(this, CONFIG_RECORDING_CONTROL);
    if (!props.regions.includes(props.homeRegion)) {
      throw new Error(
        `The home region ${props.homeRegion} must be one of the recorded regions, got ${props.regions.join(", ")}`,
      );
    }
    const role = new IamServiceLinkedRole(this, "service-linked-role", {
      awsServiceName: "config.amazonaws.com",
    });
    for (const region of props.regions) {
      const recorder = new ConfigConfigurationRecorder(this, `recorder-${region}`, {
        region,
        name: props.recorderName,
        roleArn: role.arn,
        recordingGroup: {
          allSupported: true,
          includeGlobalResourceTypes: region === props.homeRegion,
        },
      });
      const channel = new ConfigDeliveryChannel(this, `delivery-channel-${region}`, {
        region,
        name: props.recorderName,
        s3BucketName: props.bucketName,
        s3KmsKeyArn: props.kmsKeyArn,
        snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
        dependsOn: [recorder],
      });
      new ConfigConfigurationRecorderStatus(this, `recorder-status-${region}`, {
        region,
        name: recorder.name,
        isEnabled: true,
        dependsOn: [channel],
      });
    }
  }
}
