import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadProvider5Schema } from "../../../aws-harness/provider-adapter/load-provider5-schema";
import { removeDir, tempDir } from "../../helpers/temp-dirs";
import { fixtureSchema, SCHEMA_FIXTURE } from "./example-stack";

/**
 * A stand-in for the terraform binary: records each call (arguments, folder, CLI config) and
 * answers `version -json` and `providers schema -json` the way Terraform 1.11 does. The real
 * binary and provider mirror aren't on every machine that runs Jest.
 */
function fakeTerraform(dir: string, behaviour: { selected: string; failInit?: string }): string {
  const path = join(dir, "terraform");
  const script = `#!${process.execPath}
const { appendFileSync, readFileSync } = require("node:fs");
const args = process.argv.slice(2);
appendFileSync(${JSON.stringify(join(dir, "calls.jsonl"))}, JSON.stringify({
  args, cwd: process.cwd(), cliConfig: process.env.TF_CLI_CONFIG_FILE,
}) + "\\n");
if (args[0] === "init" && ${JSON.stringify(behaviour.failInit ?? null)} !== null) {
  process.stderr.write(${JSON.stringify(behaviour.failInit ?? "")});
  process.exit(1);
}
if (args[0] === "version") {
  process.stdout.write(JSON.stringify({
    terraform_version: "1.11.4",
    provider_selections: { "registry.terraform.io/hashicorp/aws": ${JSON.stringify(behaviour.selected)} },
  }));
}
if (args[0] === "providers") process.stdout.write(readFileSync(${JSON.stringify(SCHEMA_FIXTURE)}));
`;
  writeFileSync(path, script);
  chmodSync(path, 0o755);
  return path;
}

const calls = (dir: string) =>
  readFileSync(join(dir, "calls.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));

describe("loadProvider5Schema", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir("provider5-schema-");
  });
  afterEach(() => removeDir(dir));

  it("inits a root module requiring the exact version and parses the schema it prints", () => {
    const scratchDir = join(dir, "scratch");
    const schema = loadProvider5Schema({
      terraformBinary: fakeTerraform(dir, { selected: "5.100.0" }),
      cliConfigFile: "/etc/mirror.tfrc",
      scratchDir,
    });

    expect(schema).toEqual(fixtureSchema());
    expect(JSON.parse(readFileSync(join(scratchDir, "main.tf.json"), "utf8"))).toEqual({
      terraform: {
        required_providers: { aws: { source: "hashicorp/aws", version: "5.100.0" } },
      },
    });
    expect(calls(dir)).toEqual(
      [
        ["init", "-input=false", "-no-color", "-backend=false"],
        ["version", "-json"],
        ["providers", "schema", "-json"],
      ].map((args) => ({ args, cwd: scratchDir, cliConfig: "/etc/mirror.tfrc" })),
    );
  });

  it("fails when terraform selected another version than the one required", () => {
    expect(() =>
      loadProvider5Schema({
        terraformBinary: fakeTerraform(dir, { selected: "5.99.0" }),
        cliConfigFile: "/etc/mirror.tfrc",
        scratchDir: join(dir, "scratch"),
      }),
    ).toThrow(
      `terraform init in ${join(dir, "scratch")} selected registry.terraform.io/hashicorp/aws "5.99.0", expected 5.100.0`,
    );
  });

  it("shows terraform's own error output when a command fails", () => {
    const terraformBinary = fakeTerraform(dir, {
      selected: "5.100.0",
      failInit: "Error: Failed to query available provider packages\n",
    });

    expect(() =>
      loadProvider5Schema({
        terraformBinary,
        cliConfigFile: "/etc/mirror.tfrc",
        scratchDir: join(dir, "scratch"),
      }),
    ).toThrow(
      `${terraformBinary} init -input=false -no-color -backend=false exited with 1 in ${join(dir, "scratch")}:\nError: Failed to query available provider packages`,
    );
  });

  it("accepts only an exact 5.x version", () => {
    expect(() =>
      loadProvider5Schema({
        terraformBinary: "terraform",
        cliConfigFile: "/etc/mirror.tfrc",
        scratchDir: join(dir, "scratch"),
        providerVersion: "~> 6.0",
      }),
    ).toThrow('loadProvider5Schema: expected an exact 5.x version, got "~> 6.0"');
  });
});
