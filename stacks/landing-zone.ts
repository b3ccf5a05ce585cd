import type { App, TerraformStack } from "cdktf";
import { heldBaselines } from "../config/model/held-baselines";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { accountBaselineStackName, STACK_NAMES } from "../config/model/stack-names";
import type { EnvironmentConfig } from "../config/schema/environment-schema";
import type { MemberAccount } from "../modules/organizations/member-account";
import { forgetResource } from "../modules/terraform/forget-resource";
import { AccountBaselineStack } from "./account-baseline-stack";
import { BootstrapStack } from "./bootstrap-stack";
import { EnvironmentStack } from "./environment-stack";
import { IdentityStack } from "./identity-stack";
import { LoggingStack } from "./logging-stack";
import { PipelineStack } from "./pipeline-stack";
import { SecurityMembersStack } from "./security-members-stack";
import { SecurityStack } from "./security-stack";
import { OrganizationStack } from "./organization-stack";
import { NetworkStack } from "./network-stack";
import { accountContactsFor } from "../config/model/account-vending";
import { ipamAccountName } from "../config/model/network";

export interface LandingZoneStacks {
  /** Every stack built, in deploy order. */
  readonly stacks: TerraformStack[];
  /** Every stack's name in deploy order, the baselines of `cloned` accounts included. */
  readonly deployOrder: string[];
}

/**
 * Every stack of the landing zone, in deploy order: bootstrap, organization, pipeline, logging,
 * security, network (with an IPAM), identity, environments, security members, then one baseline
 * per account but those held while the account is quarantined or closing. The baselines of
 * `cloned` accounts are left out (writeBaselineClones writes them from a template's), but their
 * environments still publish what the baselines read.
 */
export function buildLandingZone(
  app: App,
  config: LandingZoneConfig,
  cloned: ReadonlySet<string> = new Set(),
): LandingZoneStacks {
  const bootstrap = new BootstrapStack(app, config);
  const organization = new OrganizationStack(app, config);
  const pipeline = new PipelineStack(app, config);
  const logging = new LoggingStack(app, { config, organization });
  const security = new SecurityStack(app, { config, organization, logging });
  const ipam = config.organization.config.network?.ipam;
  const network = ipam
    ? new NetworkStack(app, {
        config,
        organization,
        ipam,
        ipamAccountName: ipamAccountName(config.organization.config, ipam),
      })
    : undefined;
  const identity = config.identity
    ? new IdentityStack(app, { config, coreAccounts: organization.coreAccounts })
    : undefined;
  const environments = config.environments.map(
    ({ config: environment }) =>
      new EnvironmentStack(app, {
        config,
        environment,
        organizationalUnits: organization.organizationalUnits,
        organizationPolicies: organization.policies,
        identity,
        coreAccounts: organization.coreAccounts,
      }),
  );
  // An account moved between environments keeps its state: the stack that holds it now imports
  // it and what it had there (removed blocks), and the stack it left forgets the same.
  const environmentByName = new Map(environments.map((stack) => [stack.environment.name, stack]));
  for (const { movedIn } of environments) {
    for (const { from, resources } of movedIn) {
      const left = environmentByName.get(from);
      if (left) resources.forEach((resource) => forgetResource(left, resource));
    }
  }
  // Each stack creates at most five accounts at a time; deploying environment stacks one after
  // another keeps the organization-wide limit too, even with cdktf's unlimited stack parallelism.
  environments.forEach((environment, index) => {
    if (index > 0) environment.addDependency(environments[index - 1]);
  });

  const management = new AccountBaselineStack(app, {
    config,
    stackName: STACK_NAMES.management,
    account: { kind: "management" },
    logging,
    contacts: accountContactsFor(config, { kind: "management" }),
  });
  management.addDependency(organization);
  const baselineOf = (
    owner: TerraformStack,
    account: MemberAccount,
    environment?: EnvironmentConfig,
  ) => {
    const stack = new AccountBaselineStack(app, {
      config,
      stackName: accountBaselineStackName(account.accountName),
      account: { kind: "member", name: account.accountName, id: account.accountIdForOtherStacks() },
      logging,
      environment,
      contacts: accountContactsFor(config, { kind: "member", name: account.accountName }),
      network,
    });
    // Imported accounts pass a literal id, so the order has to be stated, not inferred.
    stack.addDependency(owner);
    // Its deploy and read roles trust the pipeline's apply and plan roles, and IAM refuses a
    // trust policy that names a role that doesn't exist yet.
    stack.addDependency(pipeline);
    return stack;
  };
  const held = new Set(heldBaselines(config).map((baseline) => baseline.account));
  const services = config.organization.config.securityServices;
  const securityMembers =
    services.inspector || services.macie
      ? new SecurityMembersStack(app, {
          config,
          coreAccounts: organization.coreAccounts,
          workloadAccounts: config.environments.flatMap(({ config: environment }, index) =>
            environment.accounts
              .filter((account) => account.lifecycle?.state !== "closing")
              .map((account) => environments[index].accounts.get(account.name)!),
          ),
        })
      : undefined;
  // It reads account ids from state, so the order is stated: after the audit account
  // administers both services, and after every account exists.
  for (const producer of [organization, security, ...environments])
    securityMembers?.addDependency(producer);
  const baselines: (TerraformStack | string)[] = [
    ...[...organization.coreAccounts.values()].map((account) => baselineOf(organization, account)),
    ...environments.flatMap((environment) =>
      [...environment.accounts.values()]
        .filter((account) => !held.has(account.accountName))
        .map((account) => {
          if (!cloned.has(account.accountName))
            return baselineOf(environment, account, environment.environment);
          // Publishes the account id output the clone's remote state reads, as a baseline would.
          account.accountIdForOtherStacks();
          return accountBaselineStackName(account.accountName);
        }),
    ),
  ];
  const stacks = [
    bootstrap,
    organization,
    pipeline,
    logging,
    security,
    ...(network ? [network] : []),
    ...(identity ? [identity] : []),
    ...environments,
    ...(securityMembers ? [securityMembers] : []),
    management,
    ...baselines,
  ];
  return {
    stacks: stacks.filter((stack): stack is TerraformStack => typeof stack !== "string"),
    deployOrder: stacks.map((stack) => (typeof stack === "string" ? stack : stack.node.id)),
  };
}
