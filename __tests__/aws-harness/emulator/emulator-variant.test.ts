import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse, parseDocument } from "yaml";
import { writeEmulatorVariant } from "../../../aws-harness/emulator/emulator-variant";
import type { VariantEdit } from "../../../aws-harness/emulator/emulator-variant";
import { loadLandingZoneConfig } from "../../../config/loader/load-config";
import { copyExampleConfig, EXAMPLE_CONFIG_DIR } from "../../helpers/example-config";
import { synthLandingZone } from "../../helpers/synth";
import { removeDir, tempDir } from "../../helpers/temp-dirs";

const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const yamlOf = (dir: string, file: string): any => parse(read(dir, file));
/** Every comment of a YAML file, whole-line or trailing, in order. */
const comments = (text: string) =>
  text
    .split("\n")
    .map((line) => /(?:^|\s)(#.*)$/.exec(line)?.[1])
    .filter((comment) => comment !== undefined);
/** Synthesizes a config: its stacks, and the import targets of those that adopt resources. */
const synthImports = (dir: string) => {
  const out = synthLandingZone(dir);
  const stacks = Object.keys(out.manifest.stacks);
  const imports = Object.fromEntries(
    stacks
      .filter((stack) => out.stack(stack).import)
      .map((stack) => [stack, out.stack(stack).import.map((block: { to: string }) => block.to)]),
  );
  removeDir(dirname(out.outdir));
  return { stacks, imports };
};

const YAML_FILES = ["dev.yaml", "identity.yaml", "organization.yaml", "prod.yaml", "staging.yaml"];

describe("the example's emulator variant", () => {
  let workDir: string;
  let variantDir: string;
  let edits: VariantEdit[];
  beforeAll(() => {
    workDir = tempDir("lz-variant-");
    variantDir = join(workDir, "config");
    edits = writeEmulatorVariant(EXAMPLE_CONFIG_DIR, variantDir);
  });
  afterAll(() => removeDir(workDir));

  it("reports removing the organization id and the existing account's id", () => {
    expect(edits).toEqual<VariantEdit[]>([
      { file: "organization.yaml", path: "existingOrganizationId", removed: "o-k7q2mz4x9a" },
      { file: "prod.yaml", path: "accounts.0.id", removed: "444455556666" },
    ]);
  });

  it("removes those ids and keeps every other key", () => {
    const organization = yamlOf(EXAMPLE_CONFIG_DIR, "organization.yaml");
    delete organization.existingOrganizationId;
    const prod = yamlOf(EXAMPLE_CONFIG_DIR, "prod.yaml");
    delete prod.accounts[0].id;

    expect(yamlOf(variantDir, "organization.yaml")).toEqual(organization);
    expect(yamlOf(variantDir, "prod.yaml")).toEqual(prod);
    const accounts = yamlOf(variantDir, "prod.yaml").accounts as object[];
    expect(accounts.map((account) => "id" in account)).toEqual([false, false, false]);
    for (const file of ["dev.yaml", "identity.yaml", "staging.yaml"])
      expect(yamlOf(variantDir, file)).toEqual(yamlOf(EXAMPLE_CONFIG_DIR, file));
  });

  it("keeps every comment but those on the removed keys", () => {
    const dropped: Record<string, string[]> = {
      "organization.yaml": [
        "# The organization already exists (it was created by hand in 2021): import it, don't create it.",
      ],
      "prod.yaml": [
        "# Created before the landing zone existed: imported into state, not created again.",
      ],
    };
    for (const file of YAML_FILES) {
      const kept = comments(read(EXAMPLE_CONFIG_DIR, file)).filter(
        (comment) => !(dropped[file] ?? []).includes(comment),
      );
      expect({ file, comments: comments(read(variantDir, file)) }).toEqual({
        file,
        comments: kept,
      });
    }
  });

  it("copies the config's other files, and none of its code", () => {
    expect(readdirSync(variantDir).filter((name) => /\.(ya?ml|json)$/.test(name))).toEqual([
      "dev.yaml",
      "developer-guardrails.json",
      "identity.yaml",
      "organization.yaml",
      "prod.yaml",
      "staging.yaml",
    ]);
    expect(read(variantDir, "developer-guardrails.json")).toBe(
      read(EXAMPLE_CONFIG_DIR, "developer-guardrails.json"),
    );
    const files = readdirSync(variantDir, { recursive: true }).map(String);
    expect(files.filter((file) => /\.(ts|js)$/.test(file))).toEqual([]);
  });

  it("loads and synthesizes with no import block in any stack", () => {
    const { stacks, imports } = synthImports(variantDir);

    expect(stacks).toEqual(expect.arrayContaining(["bootstrap", "organization", "prod"]));
    expect(imports).toEqual({});
  });
});

describe("a config that adopts OUs and core accounts", () => {
  let workDir: string;
  let fixtureDir: string;
  let variantDir: string;
  let edits: VariantEdit[];
  beforeAll(() => {
    workDir = tempDir("lz-variant-");
    fixtureDir = copyExampleConfig();
    const path = join(fixtureDir, "organization.yaml");
    const doc = parseDocument(readFileSync(path, "utf8"));
    // Security, Workloads, and Workloads' children Production and Development.
    doc.setIn(["organizationalUnits", 0, "id"], "ou-k7q2-11111111");
    doc.setIn(["organizationalUnits", 2, "id"], "ou-k7q2-22222222");
    doc.setIn(["organizationalUnits", 2, "children", 0, "id"], "ou-k7q2-33333333");
    doc.setIn(["organizationalUnits", 2, "children", 2, "id"], "ou-k7q2-44444444");
    doc.setIn(["coreAccounts", "logArchive", "id"], "222233334444");
    doc.setIn(["coreAccounts", "audit", "id"], "333344445555");
    writeFileSync(path, doc.toString());
    variantDir = join(workDir, "config");
    edits = writeEmulatorVariant(fixtureDir, variantDir);
  });
  afterAll(() => {
    removeDir(workDir);
    removeDir(fixtureDir);
  });

  it("is a valid config that imports them", () => {
    const config = loadLandingZoneConfig(fixtureDir).organization.config;
    const ids = (units: typeof config.organizationalUnits): Record<string, unknown> =>
      Object.fromEntries(
        units.flatMap((unit) => [[unit.name, unit.id], ...Object.entries(ids(unit.children))]),
      );
    expect(ids(config.organizationalUnits)).toEqual({
      Security: "ou-k7q2-11111111",
      Infrastructure: undefined,
      Workloads: "ou-k7q2-22222222",
      Production: "ou-k7q2-33333333",
      Staging: undefined,
      Development: "ou-k7q2-44444444",
      Sandbox: undefined,
      Suspended: undefined,
    });
    const types = synthImports(fixtureDir).imports.organization.map(
      (to: string) => to.split(".")[0],
    );
    expect(types.sort()).toEqual([
      "aws_organizations_account",
      "aws_organizations_account",
      "aws_organizations_organization",
      "aws_organizations_organizational_unit",
      "aws_organizations_organizational_unit",
      "aws_organizations_organizational_unit",
      "aws_organizations_organizational_unit",
    ]);
  });

  it("reports removing each OU id, nested ones too, and each core account id", () => {
    expect(edits).toEqual<VariantEdit[]>([
      { file: "organization.yaml", path: "existingOrganizationId", removed: "o-k7q2mz4x9a" },
      { file: "organization.yaml", path: "organizationalUnits.0.id", removed: "ou-k7q2-11111111" },
      { file: "organization.yaml", path: "organizationalUnits.2.id", removed: "ou-k7q2-22222222" },
      {
        file: "organization.yaml",
        path: "organizationalUnits.2.children.0.id",
        removed: "ou-k7q2-33333333",
      },
      {
        file: "organization.yaml",
        path: "organizationalUnits.2.children.2.id",
        removed: "ou-k7q2-44444444",
      },
      { file: "organization.yaml", path: "coreAccounts.logArchive.id", removed: "222233334444" },
      { file: "organization.yaml", path: "coreAccounts.audit.id", removed: "333344445555" },
      { file: "prod.yaml", path: "accounts.0.id", removed: "444455556666" },
    ]);
  });

  it("leaves the same config as the example's variant", () => {
    const exampleVariant = join(workDir, "example");
    writeEmulatorVariant(EXAMPLE_CONFIG_DIR, exampleVariant);
    for (const file of YAML_FILES)
      expect(yamlOf(variantDir, file)).toEqual(yamlOf(exampleVariant, file));
  });
});
