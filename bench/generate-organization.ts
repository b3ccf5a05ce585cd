import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The four governed regions the benchmark organizations use. */
export const BENCH_REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"];

/**
 * Writes a valid organization of `accounts` workload accounts (spread over dev, staging and prod
 * like the example) into `dir`, as config files: the benchmark measures the same loader and
 * synth a user runs.
 */
export function generateOrganization(
  exampleDir: string,
  dir: string,
  accounts: number,
  /** Governed regions, each with a VPC per account; tests use fewer to stay fast. */
  regions: readonly string[] = BENCH_REGIONS,
): void {
  cpSync(exampleDir, dir, { recursive: true, filter: (source) => !source.endsWith(".ts") });
  const organizationFile = join(dir, "organization.yaml");
  writeFileSync(
    organizationFile,
    readFileSync(organizationFile, "utf8").replace(
      /governedRegions:\n( {2}- .+\n)+/,
      `governedRegions:\n${regions.map((region) => `  - ${region}\n`).join("")}`,
    ),
  );
  const shares = { dev: 0.3, staging: 0.3, prod: 0.4 };
  let remaining = accounts;
  const blocks = vpcBlocks();
  for (const [environment, share] of Object.entries(shares)) {
    const count = environment === "prod" ? remaining : Math.round(accounts * share);
    remaining -= count;
    const file = join(dir, `${environment}.yaml`);
    const text = readFileSync(file, "utf8");
    const names = Array.from(
      { length: count },
      (_, index) => `${environment}-svc-${String(index).padStart(4, "0")}`,
    );
    const entries = names
      .map(
        (name, index) =>
          `  - name: ${name}\n    email: aws+${name}@northwind-health.com\n    owner: team-${index % 25}\n    ownerEmail: team-${index % 25}@northwind-health.com\n`,
      )
      .join("");
    const withAccounts = text.replace(
      /\naccounts:\n[\s\S]*?\nbaseline:/,
      `\naccounts:\n${entries}baseline:`,
    );
    writeFileSync(file, withNetwork(withAccounts, environment, names, regions, blocks));
  }
  // The example grants data-engineers Developer on dev-data by name; keep it pointing at an account.
  const identityFile = join(dir, "identity.yaml");
  writeFileSync(
    identityFile,
    readFileSync(identityFile, "utf8").replace("accounts: [dev-data]", "accounts: [dev-svc-0000]"),
  );
}

/** Adds one account to the prod environment: the one-account change `affected` is timed on. */
export function stampOneAccount(dir: string): void {
  const file = join(dir, "prod.yaml");
  writeFileSync(
    file,
    readFileSync(file, "utf8")
      .replace(
        "\nbaseline:",
        "\n  - name: prod-stamped\n    email: aws+prod-stamped@northwind-health.com\n    owner: payments-team\nbaseline:",
      )
      // Blocks above every generated one, so the stamped account overlaps none.
      .replace(
        "\n    cidrs:\n",
        `\n    cidrs:\n      prod-stamped: { ${BENCH_REGIONS.map((region, index) => `${region}: 10.200.${index * 4}.0/22`).join(", ")} }\n`,
      ),
  );
}

/** Each VPC a /22 of 10.0.0.0/8 of its own, in order: 16,384 of them, enough for 4,096 accounts. */
function* vpcBlocks(): Generator<string> {
  for (let index = 0; index < 16_384; index++) yield `10.${index >> 6}.${(index & 63) << 2}.0/22`;
}

/**
 * The environment's network, on in every environment and every governed region (the example
 * leaves dev without one): each account a VPC per region, from explicit blocks, the harder case
 * for synth since every account's addresses differ.
 */
function withNetwork(
  text: string,
  environment: string,
  accounts: readonly string[],
  regions: readonly string[],
  blocks: Generator<string>,
): string {
  const cidrs = accounts.map((name) => {
    const perRegion = regions.map((region) => `${region}: ${blocks.next().value as string}`);
    return `      ${name}: { ${perRegion.join(", ")} }\n`;
  });
  const production = environment === "prod";
  const network = [
    "network:",
    `  availabilityZones: ${production ? 3 : 2}`,
    "  addressing:",
    "    cidrs:",
    cidrs.join("").trimEnd(),
    `  interfaceEndpoints: [ssm, ssmmessages, ec2messages${production ? ", kms, logs, sts" : ""}]`,
    "",
  ].join("\n");
  // network is the last section of the example's environment files.
  const withoutNetwork = text.replace(/\nnetwork:\n[\s\S]*$/, "\n");
  return `${withoutNetwork}${network}`;
}
