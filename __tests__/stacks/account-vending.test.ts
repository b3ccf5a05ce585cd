import { exampleSynth } from "../helpers/example-synth";
import { GOVERN_ME_CENTRAL_1, STAGING_DATA_CLOSING } from "../helpers/example-edits";
import { editedExample } from "../helpers/example-config";
import { synthLandingZone } from "../helpers/synth";
import type { StackJson, SynthOutput } from "../helpers/synth-output";

let out: SynthOutput;
/** The example governing me-central-1, an opt-in region, with staging-data closing. */
let optIn: SynthOutput;

beforeAll(() => {
  out = exampleSynth();
  optIn = synthLandingZone(editedExample([GOVERN_ME_CENTRAL_1, STAGING_DATA_CLOSING]));
});

const values = (synth: SynthOutput, stack: string, type: string): StackJson[] =>
  Object.values(synth.resources(stack, type));
/** Accounts config gives an id: they are imported, and their id is written as a literal. */
const IMPORTED: Record<string, string> = { "prod-platform": "444455556666" };
/** The id of the account with this name, as `stack` writes it: a reference to its resource. */
const accountIdOf = (synth: SynthOutput, stack: string, name: string): string => {
  if (IMPORTED[name]) return IMPORTED[name];
  const entry = Object.entries(synth.resources(stack, "aws_organizations_account")).find(
    ([, account]) => account.name === name,
  );
  if (!entry) throw new Error(`${stack} has no account ${name}`);
  return `\${aws_organizations_account.${entry[0]}.id}`;
};

describe("opt-in regions", () => {
  test("the example governs no opt-in region, so no stack enables one", () => {
    for (const stack of Object.keys(out.manifest.stacks))
      expect(values(out, stack, "aws_account_region")).toEqual([]);
  });

  test("the organization stack enables a governed opt-in region for the management account (without an id) and each core account", () => {
    const regions = values(optIn, "organization", "aws_account_region");
    for (const region of regions)
      expect(region).toMatchObject({
        region_name: "me-central-1",
        enabled: true,
        lifecycle: { prevent_destroy: true },
      });
    // The API refuses the management account's own id; its provider's account is implied.
    expect(regions.filter((region) => region.account_id === undefined)).toHaveLength(1);
    expect(
      regions
        .map((region) => region.account_id)
        .filter(Boolean)
        .sort(),
    ).toEqual(
      ["audit", "log-archive", "shared-services"]
        .map((name) => accountIdOf(optIn, "organization", name))
        .sort(),
    );
    // A member's region waits for trusted access for account.amazonaws.com.
    const [organization] = Object.keys(
      optIn.resources("organization", "aws_organizations_organization"),
    );
    for (const region of regions.filter((entry) => entry.account_id !== undefined))
      expect(region.depends_on).toEqual([`aws_organizations_organization.${organization}`]);
  });

  test("each environment stack enables it for every one of its accounts except a closing one", () => {
    const enabledFor = (stack: string) =>
      values(optIn, stack, "aws_account_region")
        .map((region) => {
          expect(region).toMatchObject({ region_name: "me-central-1", enabled: true });
          return region.account_id;
        })
        .sort();
    expect(enabledFor("prod")).toEqual(
      ["prod-platform", "prod-data", "prod-analytics"]
        .map((name) => accountIdOf(optIn, "prod", name))
        .sort(),
    );
    expect(enabledFor("dev")).toEqual(
      ["dev-platform", "dev-data"].map((name) => accountIdOf(optIn, "dev", name)).sort(),
    );
    expect(enabledFor("staging")).toEqual([accountIdOf(optIn, "staging", "staging-platform")]);
  });

  test("baselines deploy after the stack that enables their regions", () => {
    const dependencies = (stack: string) => optIn.manifest.stacks[stack].dependencies;
    expect(dependencies("management")).toContain("organization");
    expect(dependencies("account-audit")).toContain("organization");
    expect(dependencies("account-prod-data")).toContain("prod");
    expect(dependencies("account-dev-data")).toContain("dev");
  });

  test("baselines reach the opt-in region once it is enabled: a default VPC lookup there in every account", () => {
    for (const stack of ["management", "account-audit", "account-prod-data"]) {
      const lookups = Object.values<StackJson>(optIn.stack(stack).data.aws_vpcs);
      expect(lookups.map((lookup) => lookup.region)).toContain("me-central-1");
    }
  });
});

describe("budgets", () => {
  const budgetOf = (stack: string, account: string): StackJson => {
    const budget = values(out, stack, "aws_budgets_budget").find(
      (candidate) => candidate.name === `nwh-${account}-monthly`,
    );
    if (!budget) throw new Error(`${stack} has no budget for ${account}`);
    return budget;
  };

  test("each workload account has a monthly budget in its environment stack, counting only its own costs", () => {
    for (const [stack, accounts] of [
      ["prod", ["prod-platform", "prod-data", "prod-analytics"]],
      ["staging", ["staging-platform", "staging-data"]],
      ["dev", ["dev-platform", "dev-data"]],
    ] as const) {
      expect(values(out, stack, "aws_budgets_budget")).toHaveLength(accounts.length);
      for (const account of accounts)
        expect(budgetOf(stack, account)).toMatchObject({
          budget_type: "COST",
          time_unit: "MONTHLY",
          limit_unit: "USD",
          cost_filter: [{ name: "LinkedAccount", values: [accountIdOf(out, stack, account)] }],
        });
    }
  });

  test("the amount is the environment's unless the account sets its own", () => {
    expect(budgetOf("prod", "prod-platform").limit_amount).toBe("6000");
    expect(budgetOf("prod", "prod-data").limit_amount).toBe("9000");
    expect(budgetOf("staging", "staging-data").limit_amount).toBe("2500");
    expect(budgetOf("dev", "dev-platform").limit_amount).toBe("1500");
  });

  test("the environment's recipients and the account's owner hear at 80 % and 100 % actual and 100 % forecast", () => {
    const notifications = budgetOf("prod", "prod-data").notification as StackJson[];
    expect(
      notifications.map((notification) => [notification.notification_type, notification.threshold]),
    ).toEqual([
      ["ACTUAL", 80],
      ["ACTUAL", 100],
      ["FORECASTED", 100],
    ]);
    for (const notification of notifications)
      expect(notification.subscriber_email_addresses).toEqual([
        "data-team@northwind-health.com",
        "finops@northwind-health.com",
      ]);
    expect(budgetOf("dev", "dev-platform").notification[0].subscriber_email_addresses).toEqual([
      "finops@northwind-health.com",
      "platform-team@northwind-health.com",
    ]);
  });

  test("budgets live in the management account, where a member can't edit its own", () => {
    const provider = out
      .stack("prod")
      .provider.aws.find((candidate: StackJson) => !candidate.alias);
    expect(provider.allowed_account_ids).toEqual(["111122223333"]);
  });
});

describe("alternate contacts", () => {
  const contactsOf = (stack: string): Record<string, StackJson> =>
    Object.fromEntries(
      values(out, stack, "aws_account_alternate_contact").map((contact) => [
        contact.alternate_contact_type,
        contact,
      ]),
    );

  test("every account, the management account included, gets the organization's security, operations and billing contacts", () => {
    const stacks = Object.keys(out.manifest.stacks).filter(
      (name) => name.startsWith("account-") || name === "management",
    );
    expect(stacks).toHaveLength(11);
    for (const stack of stacks) {
      const contacts = contactsOf(stack);
      expect(Object.keys(contacts).sort()).toEqual(["BILLING", "OPERATIONS", "SECURITY"]);
      expect(contacts.SECURITY).toMatchObject({
        name: "Dana Whitfield",
        title: "CISO",
        email_address: "security@northwind-health.com",
        phone_number: "+1 555 0100",
      });
      expect(contacts.BILLING.email_address).toBe("finance@northwind-health.com");
      // The account's own provider sets them, so no id is named (the API refuses the
      // management account's own).
      for (const contact of Object.values(contacts)) expect(contact.account_id).toBeUndefined();
    }
    expect(contactsOf("account-prod-platform").OPERATIONS.email_address).toBe(
      "oncall-platform@northwind-health.com",
    );
  });

  test("an account's own contact replaces the organization's of that type only", () => {
    const contacts = contactsOf("account-prod-data");
    expect(contacts.OPERATIONS).toMatchObject({
      name: "Lena Hoffmann",
      title: "Data Engineering Lead",
      email_address: "oncall-data@northwind-health.com",
      phone_number: "+1 555 0110",
    });
    expect(contacts.SECURITY.email_address).toBe("security@northwind-health.com");
    expect(contacts.BILLING.email_address).toBe("finance@northwind-health.com");
  });
});

describe("cost anomaly detection", () => {
  test("the organization stack watches spend by service and mails a daily digest from $200", () => {
    const [monitor] = values(out, "organization", "aws_ce_anomaly_monitor");
    expect(monitor).toMatchObject({
      name: "nwh-services",
      monitor_type: "DIMENSIONAL",
      monitor_dimension: "SERVICE",
    });
    const [subscription] = values(out, "organization", "aws_ce_anomaly_subscription");
    expect(subscription).toMatchObject({
      name: "nwh-cost-anomalies",
      frequency: "DAILY",
      monitor_arn_list: [expect.stringMatching(/^\$\{aws_ce_anomaly_monitor\.[\w-]+\.arn\}$/)],
      subscriber: [
        { type: "EMAIL", address: "finops@northwind-health.com" },
        { type: "EMAIL", address: "oncall-platform@northwind-health.com" },
      ],
      threshold_expression: {
        dimension: {
          key: "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
          match_options: ["GREATER_THAN_OR_EQUAL"],
          values: ["200"],
        },
      },
    });
  });

  test("nothing else monitors anomalies: one monitor for the whole organization", () => {
    const monitors = Object.keys(out.manifest.stacks).flatMap((stack) =>
      values(out, stack, "aws_ce_anomaly_monitor"),
    );
    expect(monitors).toHaveLength(1);
  });
});
