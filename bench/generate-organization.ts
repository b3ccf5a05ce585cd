import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The four governed regions the benchmark organizations use. */
export const BENCH_REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"];

/**
 * Writes a valid organization of `accounts` workload accounts (spread over dev, staging and prod
 * like the example) into `dir`, as config files: the benchmark measures the same loader and
 * synth a user runs.
 */
export function generateOrganization(exampleDir: string, dir: string, accounts: number): void {
  cpSync(exampleDir, dir, { recursive: true, filter: (source) => !source.endsWith(".ts") });
  const organizationFile = join(dir, "organization.yaml");
  writeFileSync(
    organizationFile,
    readFileSync(organizationFile, "utf8").replace(
      /governedRegions:\n( {2}- .+\n)+/,
      `governedRegions:\n${BENCH_REGIONS.map((region) => `  - ${region}\n`).join("")}`,
    ),
  );
  const shares = { dev: 0.3, staging: 0.3, prod: 0.4 };
  let remaining = accounts;
  for (const [environment, share] of Object.entries(shares)) {
    const count = environment === "prod" ? remaining : Math.round(accounts * share);
    remaining -= count;
    const file = join(dir, `${environment}.yaml`);
    const text = readFileSync(file, "utf8");
    const entries = Array.from({ length: count }, (_, index) => {
      const name = `${environment}-svc-${String(index).padStart(4, "0")}`;
      return `  - name: ${name}\n    email: aws+${name}@northwind-health.com\n    owner: team-${index % 25}\n`;
    }).join("");
    writeFileSync(
      file,
      text.replace(/\naccounts:\n[\s\S]*?\nbaseline:/, `\naccounts:\n${entries}baseline:`),
    );
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
    readFileSync(file, "utf8").replace(
      "\nbaseline:",
      "\n  - name: prod-stamped\n    email: aws+prod-stamped@northwind-health.com\n    owner: payments-team\nbaseline:",
    ),
  );
}
