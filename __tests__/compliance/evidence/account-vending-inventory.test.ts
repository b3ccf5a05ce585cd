import { readFileSync } from "node:fs";
import {
  GOVERN_ME_CENTRAL_1,
  PROD_ANALYTICS_QUARANTINED,
  STAGING_DATA_CLOSING,
} from "../../helpers/example-edits";
import { join } from "node:path";
import type {
  AccountVendingInventory,
  VendedAccount,
} from "../../../compliance/evidence/account-vending-inventory";
import { editedExample } from "../../helpers/example-config";
import { exampleSynth } from "../../helpers/example-synth";
import { synthLandingZone } from "../../helpers/synth";
import type { StackJson, SynthOutput } from "../../helpers/synth-output";

let out: SynthOutput;
/**
 * The example governing me-central-1, an opt-in region, with prod-analytics quarantined and
 * staging-data closing: both baselines, which set contacts, are held.
 */
let optIn: SynthOutput;

beforeAll(() => {
  out = exampleSynth();
  optIn = synthLandingZone(
    editedExample([GOVERN_ME_CENTRAL_1, PROD_ANALYTICS_QUARANTINED, STAGING_DATA_CLOSING]),
  );
});

const evidence = (synth: SynthOutput, name: string) =>
  readFileSync(join(synth.outdir, "evidence", name), "utf8");
const inventoryOf = (synth: SynthOutput) =>
  JSON.parse(evidence(synth, "account-vending-inventory.json")) as AccountVendingInventory;
const values = (synth: SynthOutput, stack: string, type: string): StackJson[] =>
  Object.values(synth.resources(stack, type));
const everyStack = (synth: SynthOutput) => Object.keys(synth.manifest.stacks);
const baselineStackOf = (account: string) =>
  account === "management" ? "management" : `account-${account}`;
const byAccount = <T extends { readonly account: string }>(entries: readonly T[]) =>
  [...entries].sort((a, b) => a.account.localeCompare(b.account));

/**
 * The account an `account_id` argument of `stack` names: its aws_organizations_account, by
 * reference or, for an imported account, by the id its import block gives. No id is the
 * management account (the API refuses its own id; its provider's account is implied).
 */
function accountNamed(synth: SynthOutput, stack: string, id: string | undefined): string {
  if (id === undefined) return "management";
  const json = synth.stack(stack);
  const address =
    /^\$\{aws_organizations_account\.([\w-]+)\.id\}$/.exec(id)?.[1] ??
    (json.import as StackJson[] | undefined)
      ?.find((block) => block.id === id)
      ?.to.replace(/^aws_organizations_account\./, "");
  const account = address && json.resource.aws_organizations_account?.[address];
  if (!account) throw new Error(`${stack} has no account with id ${id}`);
  return account.name;
}

/** The alternate contacts a baseline stack sets, as the inventory lists them. */
const deployedContacts = (synth: SynthOutput, stack: string) =>
  values(synth, stack, "aws_account_alternate_contact")
    .map((contact) => ({
      type: (contact.alternate_contact_type as string).toLowerCase(),
      name: contact.name,
      email: contact.email_address,
    }))
    .sort((a, b) => a.type.localeCompare(b.type));

const reportedContacts = (account: VendedAccount) =>
  account.contacts
    .map(({ type, name, email }) => ({ type, name, email }))
    .sort((a, b) => a.type.localeCompare(b.type));

describe("alternate contacts", () => {
  test("each account's are those its baseline stack sets, the management account's included", () => {
    const { accounts } = inventoryOf(out);
    const baselines = everyStack(out).filter(
      (name) => name === "management" || name.startsWith("account-"),
    );
    expect(accounts.map((account) => baselineStackOf(account.account)).sort()).toEqual(
      baselines.sort(),
    );
    for (const account of accounts) {
      const deployed = deployedContacts(out, baselineStackOf(account.account));
      expect(deployed).toHaveLength(3);
      expect({ account: account.account, contacts: reportedContacts(account) }).toEqual({
        account: account.account,
        contacts: deployed,
      });
    }
  });

  test("a contact is the account's own where its stack sets another than the organization's", () => {
    const { accounts } = inventoryOf(out);
    // The management account can only have the organization's.
    const organizations = deployedContacts(out, "management");
    const own = accounts.flatMap((account) => {
      const deployed = deployedContacts(out, baselineStackOf(account.account));
      return account.contacts.flatMap((contact) => {
        const differs =
          JSON.stringify(deployed.find((entry) => entry.type === contact.type)) !==
          JSON.stringify(organizations.find((entry) => entry.type === contact.type));
        expect({ account: account.account, type: contact.type, source: contact.source }).toEqual({
          account: account.account,
          type: contact.type,
          source: differs ? "account's own" : "organization default",
        });
        return differs ? [`${account.account} ${contact.type} ${contact.email}`] : [];
      });
    });
    expect(own).toEqual(["prod-data operations oncall-data@northwind-health.com"]);

    const markdown = evidence(out, "account-vending-inventory.md");
    expect(markdown).toMatch(
      /\n\| prod-data \| workload \(prod\) \| Dana Whitfield, security@northwind-health\.com \(organization default\) \| Lena Hoffmann, oncall-data@northwind-health\.com \(account's own\) \| Tom Becker, finance@northwind-health\.com \(organization default\) \| {2}\|\n/,
    );
    expect(markdown).toContain(
      "\n| prod-platform | workload (prod) | Dana Whitfield, security@northwind-health.com (organization default) | Priya Nair, oncall-platform@northwind-health.com (organization default) |",
    );
  });

  test("a held baseline's account has no stack setting contacts, and the inventory says so", () => {
    const { accounts } = inventoryOf(optIn);
    const held = accounts.filter((account) => account.held !== null);
    expect(held.map((account) => [account.account, account.held])).toEqual([
      [
        "prod-analytics",
        expect.stringMatching(/^baseline held \(quarantined since 2026-11-29\): contacts kept/),
      ],
      [
        "staging-data",
        expect.stringMatching(/^baseline held \(closing since 2026-11-01\): contacts kept/),
      ],
    ]);
    for (const account of held)
      expect(optIn.manifest.stacks[baselineStackOf(account.account)]).toBeUndefined();
    for (const account of accounts.filter((entry) => entry.held === null))
      expect(reportedContacts(account)).toEqual(
        deployedContacts(optIn, baselineStackOf(account.account)),
      );
    expect(evidence(optIn, "account-vending-inventory.md")).toMatch(
      /\n\| staging-data \| workload \(staging\) \| [^\n]* \| baseline held \(closing since 2026-11-01\): contacts kept as last applied \|\n/,
    );
  });
});

describe("budgets", () => {
  /** Every aws_budgets_budget, by the account its LinkedAccount filter names. */
  const deployedBudgets = (synth: SynthOutput) =>
    everyStack(synth).flatMap((stack) =>
      values(synth, stack, "aws_budgets_budget").map((budget) => {
        const [filter] = (budget.cost_filter as StackJson[]).filter(
          (candidate) => candidate.name === "LinkedAccount",
        );
        expect(filter.values).toHaveLength(1);
        return {
          account: accountNamed(synth, stack, filter.values[0]),
          stack,
          monthlyUsd: Number(budget.limit_amount),
          notify: [
            ...new Set(
              (budget.notification as StackJson[]).flatMap(
                (notification) => notification.subscriber_email_addresses as string[],
              ),
            ),
          ].sort(),
        };
      }),
    );

  test.each(["example", "variant"] as const)(
    "in the %s, each account's is the one its environment stack deploys; core and management have none",
    (name) => {
      const synth = name === "example" ? out : optIn;
      const { accounts } = inventoryOf(synth);
      const reported = accounts.flatMap((account) =>
        account.budget
          ? [
              {
                account: account.account,
                stack: account.environment,
                monthlyUsd: account.budget.monthlyUsd,
                notify: [...account.budget.notify].sort(),
              },
            ]
          : [],
      );
      expect(byAccount(reported)).toEqual(byAccount(deployedBudgets(synth)));
      for (const account of accounts.filter((entry) => entry.kind !== "workload"))
        expect({ account: account.account, budget: account.budget }).toEqual({
          account: account.account,
          budget: null,
        });
    },
  );

  test("prod-data's own amount replaces prod's, which its other accounts keep", () => {
    const { accounts } = inventoryOf(out);
    const deployed = new Map(deployedBudgets(out).map((budget) => [budget.account, budget]));
    const prod = accounts.filter((account) => account.environment === "prod");
    expect(
      prod.map((account) => [
        account.account,
        account.budget?.source,
        deployed.get(account.account)?.monthlyUsd,
      ]),
    ).toEqual([
      ["prod-platform", "environment", 6000],
      ["prod-data", "account", 9000],
      ["prod-analytics", "environment", 6000],
    ]);
    const markdown = evidence(out, "account-vending-inventory.md");
    expect(markdown).toContain(
      "\n| prod-data | created by the landing zone | 9000 USD (account's own) | finops@northwind-health.com, data-team@northwind-health.com | none |\n",
    );
    expect(markdown).toContain(
      "\n| prod-platform | 444455556666 | 6000 USD (environment's) | finops@northwind-health.com, platform-team@northwind-health.com | none |\n",
    );
    expect(markdown).toContain("\n| audit | created by the landing zone | none | — | none |\n");
  });
});

test("cost anomaly detection is the organization stack's subscription", () => {
  const [subscription, ...others] = values(out, "organization", "aws_ce_anomaly_subscription");
  expect(others).toEqual([]);
  const { dimension } = subscription.threshold_expression;
  expect(dimension).toMatchObject({
    key: "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
    match_options: ["GREATER_THAN_OR_EQUAL"],
  });
  expect(inventoryOf(out).anomalyDetection).toEqual({
    thresholdUsd: Number(dimension.values[0]),
    frequency: subscription.frequency,
    notify: (subscription.subscriber as StackJson[]).map((subscriber) => subscriber.address),
  });
  expect(evidence(out, "account-vending-inventory.md")).toContain(
    [
      "| alert threshold | frequency | recipients |",
      "| --- | --- | --- |",
      `| ${dimension.values[0]} USD | ${subscription.frequency} | finops@northwind-health.com, oncall-platform@northwind-health.com |`,
    ].join("\n"),
  );
});

describe("opt-in regions", () => {
  /** The regions each account has enabled by an aws_account_region, in whichever stack. */
  const enabledRegions = (synth: SynthOutput) => {
    const regions = new Map<string, string[]>();
    for (const stack of everyStack(synth))
      for (const region of values(synth, stack, "aws_account_region")) {
        expect(region.enabled).toBe(true);
        const account = accountNamed(synth, stack, region.account_id);
        regions.set(account, [...(regions.get(account) ?? []), region.region_name].sort());
      }
    return regions;
  };

  test("the example governs none, and no stack enables one", () => {
    expect(enabledRegions(out).size).toBe(0);
    for (const account of inventoryOf(out).accounts) expect(account.optInRegions).toEqual([]);
  });

  test("a governed one is listed for every account but a closing one, as the stacks enable it", () => {
    const { accounts } = inventoryOf(optIn);
    const enabled = enabledRegions(optIn);
    for (const account of accounts)
      expect({ account: account.account, regions: [...account.optInRegions].sort() }).toEqual({
        account: account.account,
        regions: enabled.get(account.account) ?? [],
      });
    expect(accounts.filter((account) => account.optInRegions.includes("me-central-1")).length).toBe(
      accounts.length - 1,
    );
    expect(accounts.find((account) => account.account === "staging-data")?.optInRegions).toEqual(
      [],
    );
    const markdown = evidence(optIn, "account-vending-inventory.md");
    expect(markdown).toMatch(/\n\| management \| 111122223333 \| none \| — \| me-central-1 \|\n/);
    expect(markdown).toMatch(/\n\| staging-data \| 777788889999 \| 2500 USD [^\n]* \| none \|\n/);
  });
});
