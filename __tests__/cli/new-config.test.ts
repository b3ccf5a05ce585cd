import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadSynthConfig } from "../../cli/load-synth-config";
import { scaffoldConfig } from "../../cli/new-config";
import { typescriptEntryArguments } from "../../cli/synth-command";
import { exampleSynth } from "../helpers/example-synth";
import { EXAMPLE_CONFIG_DIR } from "../helpers/example-config";
import { synthLandingZone } from "../helpers/synth";
import { tempDir } from "../helpers/temp-dirs";

const ROOT = join(__dirname, "..", "..");
const SCHEMA_HEADER = /^# yaml-language-server: \$schema=(\S+)\n/;

describe("npm run new-config -- <folder>", () => {
  let dir: string;
  let result: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    dir = join(tempDir(), "acme-config");
    result = spawnSync(process.execPath, [...typescriptEntryArguments("cli/new-config.ts"), dir], {
      cwd: ROOT,
      encoding: "utf8",
    });
  });

  test("says what it made and what to do next", () => {
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Created ${dir} from the example organization`);
    expect(result.stdout).toContain(`LZ_CONFIG_DIR=${dir} npm run synth`);
  });

  test("copies the YAML, the JSON policy files and the schemas, and no code", () => {
    const data = readdirSync(EXAMPLE_CONFIG_DIR).filter((name) => /\.(ya?ml|json)$/.test(name));
    expect(data).toContain("developer-guardrails.json");
    expect(readdirSync(dir).sort()).toEqual([...data, "schemas"].sort());
    expect(readdirSync(join(dir, "schemas")).sort()).toEqual(
      readdirSync(join(EXAMPLE_CONFIG_DIR, "schemas")).sort(),
    );
    expect(readFileSync(join(dir, "developer-guardrails.json"), "utf8")).toBe(
      readFileSync(join(EXAMPLE_CONFIG_DIR, "developer-guardrails.json"), "utf8"),
    );
  });

  test("points every YAML file's schema header at the copied schemas", () => {
    const yamlFiles = readdirSync(dir).filter((name) => name.endsWith(".yaml"));
    expect(yamlFiles).toContain("organization.yaml");
    for (const name of yamlFiles) {
      const schema = SCHEMA_HEADER.exec(readFileSync(join(dir, name), "utf8"))?.[1];
      expect({ name, schema: schema?.startsWith("./schemas/") }).toEqual({ name, schema: true });
      expect(existsSync(join(dir, schema!))).toBe(true);
    }
  });

  test("loads with every check synth makes, and synthesizes the example's stacks", async () => {
    const config = await loadSynthConfig(dir);
    expect(config.environments.map((environment) => environment.config.name).sort()).toEqual([
      "dev",
      "prod",
      "staging",
    ]);
    expect(Object.keys(synthLandingZone(dir).manifest.stacks).sort()).toEqual(
      Object.keys(exampleSynth().manifest.stacks).sort(),
    );
  }, 60_000);
});

test("refuses a folder that holds anything, and leaves it as it was", () => {
  const dir = tempDir();
  writeFileSync(join(dir, "organization.yaml"), "mine");
  expect(() => scaffoldConfig(dir)).toThrow(
    `${dir} already exists and is not an empty folder; new-config never overwrites.`,
  );
  expect(readdirSync(dir)).toEqual(["organization.yaml"]);
  expect(readFileSync(join(dir, "organization.yaml"), "utf8")).toBe("mine");
});

test("fills an empty folder, and creates missing parents", () => {
  const empty = tempDir();
  expect(scaffoldConfig(empty)).toContain("organization.yaml");
  const nested = join(tempDir(), "configs", "acme");
  scaffoldConfig(nested);
  expect(readdirSync(dirname(nested))).toEqual(["acme"]);
  expect(existsSync(join(nested, "organization.yaml"))).toBe(true);
});

test("refuses a folder inside the example", () => {
  const inside = join(EXAMPLE_CONFIG_DIR, "acme");
  expect(() => scaffoldConfig(inside)).toThrow("is inside the example");
  expect(existsSync(inside)).toBe(false);
});
