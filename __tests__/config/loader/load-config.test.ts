import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "../../../config/loader/config-problem";
import {
  loadCheckedLandingZoneConfig,
  loadLandingZoneConfig,
} from "../../../config/loader/load-config";
import { checkOrganizationPolicies } from "../../../modules/organizations/policies/check-policies";
import { checkIdentityPolicies } from "../../../modules/identity/check-identity-policies";
import { RULE_PACK } from "../../../compliance/rules/rule-pack";
import { checkSuppressions } from "../../../compliance/suppressions/check-suppressions";
import { checkSecurityFindings } from "../../../config/checks/security-findings";
import { listAccounts } from "../../../config/model/accounts";
import { EXAMPLE_CONFIG_DIR } from "../../helpers/example-config";
import { tempDir } from "../../helpers/temp-dirs";

const FIXTURES = join(__dirname, "..", "..", "fixtures", "config");

/** The valid fixture with one case's files laid over it: each case changes only what it breaks. */
function fixtureDir(invalidCase: string): string {
  const dir = tempDir("lz-fixture-");
  cpSync(join(FIXTURES, "valid"), dir, { recursive: true });
  cpSync(join(FIXTURES, "invalid", invalidCase), dir, {
    recursive: true,
    filter: (source) => !source.endsWith("expected.txt"),
  });
  return dir;
}

/** Every problem `npm run synth` would report for the folder, without the folder's prefix. */
async function problemsOf(dir: string): Promise<string[]> {
  try {
    // A fixed "today", so expiry cases don't change with the calendar.
    await loadCheckedLandingZoneConfig(
      dir,
      [
        checkSuppressions(
          RULE_PACK.map((rule) => rule.id),
          "2026-11-29",
        ),
        checkSecurityFindings("2026-11-29"),
      ],
      [checkOrganizationPolicies, checkIdentityPolicies],
    );
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.replaceAll(`${dir}/`, "").split("\n").slice(1);
  }
  throw new Error(`expected ${dir} to be refused`);
}

describe("the example organization", () => {
  const config = loadLandingZoneConfig(EXAMPLE_CONFIG_DIR);

  test("loads, with every environment in file-name order", () => {
    expect(config.environments.map((environment) => environment.config.name)).toEqual([
      "dev",
      "prod",
      "staging",
    ]);
    expect(config.organization.config.accessRoleName).toBe("OrganizationAccountAccessRole");
  });

  test("looks like a real small company: 8 to 12 member accounts", () => {
    const accounts = listAccounts(config);
    expect(accounts.length).toBeGreaterThanOrEqual(8);
    expect(accounts.length).toBeLessThanOrEqual(12);
  });

  test("is frozen, so nothing downstream can change it", () => {
    expect(Object.isFrozen(config.organization.config.governedRegions)).toBe(true);
    expect(Object.isFrozen(config.environments[0].config.accounts[0])).toBe(true);
  });

  test("every file names its JSON Schema for editors", () => {
    for (const file of readdirSync(EXAMPLE_CONFIG_DIR).filter((name) => name.endsWith(".yaml"))) {
      const schema = ["organization.yaml", "identity.yaml"].includes(file)
        ? file.replace(".yaml", "")
        : "environment";
      expect(readFileSync(join(EXAMPLE_CONFIG_DIR, file), "utf8")).toMatch(
        new RegExp(`^# yaml-language-server: \\$schema=\\./schemas/${schema}\\.schema\\.json\\n`),
      );
    }
  });
});

test("the valid fixture loads and applies defaults", () => {
  const config = loadLandingZoneConfig(join(FIXTURES, "valid"));
  expect(config.organization.config.accessRoleName).toBe("OrganizationAccountAccessRole");
  expect(config.environments[0].config.accounts[0].tags).toEqual({});
});

const invalidCases = readdirSync(join(FIXTURES, "invalid")).sort();

test.each(invalidCases)(
  "%s: every problem is reported with file, line, path, value and fix",
  async (invalidCase) => {
    const expected = readFileSync(join(FIXTURES, "invalid", invalidCase, "expected.txt"), "utf8")
      .trim()
      .split("\n");
    const problems = await problemsOf(fixtureDir(invalidCase));
    expect(problems).toHaveLength(expected.length);
    for (const line of expected) {
      expect(problems).toContainEqual(expect.stringContaining(line));
    }
  },
);

test("a folder without organization.yaml says what to create", async () => {
  const dir = tempDir();
  expect(await problemsOf(dir)).toEqual([
    expect.stringMatching(
      /organization\.yaml is missing\. Create organization\.yaml in .+; the example in environments\/ shows every key\.$/,
    ),
  ]);
});

test("a config folder that doesn't exist is named in the error", () => {
  expect(() => loadLandingZoneConfig("/no/such/folder")).toThrow(
    "/no/such/folder is not a folder. Point LZ_CONFIG_DIR at the folder that holds organization.yaml",
  );
});
