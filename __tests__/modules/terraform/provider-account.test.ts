import { Testing, TerraformStack } from "cdktf";
import { loadLandingZoneConfig } from "../../../config/loader/load-config";
import {
  managementAccountProvider,
  memberAccountProvider,
} from "../../../modules/terraform/aws-providers";
import { findProviderAccounts } from "../../../modules/terraform/provider-account";
import { EXAMPLE_CONFIG_DIR } from "../../helpers/example-config";

const organization = loadLandingZoneConfig(EXAMPLE_CONFIG_DIR).organization.config;

test("each provider records the account it works in, by stack and by the name resources use", () => {
  const app = Testing.app();
  const logging = new TerraformStack(app, "logging");
  // The member account's id is a reference to another stack's state: the name says which it is.
  memberAccountProvider(logging, organization, {
    accountId: "${data.terraform_remote_state.organization.outputs.account-id-log-archive}",
    accountName: "log-archive",
  });
  managementAccountProvider(logging, organization, organization.homeRegion, "management");
  managementAccountProvider(new TerraformStack(app, "organization"), organization);
  expect(findProviderAccounts(app)).toEqual([
    { stack: "logging", reference: "aws", account: { kind: "member", name: "log-archive" } },
    { stack: "logging", reference: "aws.management", account: { kind: "management" } },
    { stack: "organization", reference: "aws", account: { kind: "management" } },
  ]);
});
