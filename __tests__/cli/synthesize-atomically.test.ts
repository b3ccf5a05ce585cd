import { TerraformOutput, TerraformStack } from "cdktf";
import type { App } from "cdktf";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OutputFolderError, synthesizeAtomically } from "../../cli/synthesize-atomically";
import { tempDir } from "../helpers/temp-dirs";

/** An app of one small stack per name. */
const stacks =
  (...names: string[]) =>
  (app: App) => {
    for (const name of names)
      new TerraformOutput(new TerraformStack(app, name), "name", { value: name });
  };

/** Files under a folder, by relative path, with their contents. */
function tree(dir: string, prefix = ""): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) Object.assign(files, tree(dir, path));
    else files[path] = readFileSync(join(dir, path), "utf8");
  }
  return files;
}

/** What `terraform init`, a saved plan and the plan-evidence recipe of docs/evidence.md leave in a stack. */
function terraformWasHere(stackDir: string) {
  mkdirSync(join(stackDir, ".terraform", "providers"), { recursive: true });
  writeFileSync(join(stackDir, ".terraform", "providers", "aws"), "provider binary");
  writeFileSync(join(stackDir, ".terraform.lock.hcl"), "lock");
  writeFileSync(join(stackDir, "plan.tfplan"), "saved plan");
  writeFileSync(join(stackDir, "plan.json"), "{}");
}

describe("a second synth", () => {
  let outdir: string;
  let before: Record<string, string>;
  let dropped: readonly string[];
  beforeAll(() => {
    outdir = join(tempDir(), "cdktf.out");
    synthesizeAtomically(outdir, stacks("a", "b", "gone"));
    terraformWasHere(join(outdir, "stacks", "a"));
    terraformWasHere(join(outdir, "stacks", "gone"));
    // A tool's folder beside the synth's (npm run test:aws writes aws-harness/).
    mkdirSync(join(outdir, "aws-harness"));
    writeFileSync(join(outdir, "aws-harness", "report.md"), "report");
    // Terraform configuration the synth no longer writes would change the plan.
    writeFileSync(join(outdir, "stacks", "a", "stale.tf.json"), "{}");
    writeFileSync(join(outdir, "stacks", "a", "cdk.tf.json"), "stale");
    before = tree(outdir);
    dropped = synthesizeAtomically(outdir, stacks("a", "b")).droppedStacks;
  });

  test("keeps what Terraform and users put in each stack's folder", () => {
    const after = tree(outdir);
    for (const file of [
      ".terraform/providers/aws",
      ".terraform.lock.hcl",
      "plan.tfplan",
      "plan.json",
    ])
      expect(after[join("stacks", "a", file)]).toBe(before[join("stacks", "a", file)]);
  });

  test("keeps other tools' folders at the top level", () => {
    expect(tree(outdir)["aws-harness/report.md"]).toBe("report");
  });

  test("rewrites the synth's own files and carries over no Terraform configuration", () => {
    const after = tree(outdir);
    expect(JSON.parse(after["stacks/a/cdk.tf.json"]).output.name.value).toBe("a");
    expect(after["stacks/a/stale.tf.json"]).toBeUndefined();
    expect(readdirSync(join(outdir, "stacks", "b"))).toEqual(["cdk.tf.json"]);
  });

  test("drops the folder of a stack no longer synthesized, and says so", () => {
    expect(readdirSync(join(outdir, "stacks")).sort()).toEqual(["a", "b"]);
    expect(dropped).toEqual(["gone"]);
  });

  test("leaves no staging or previous folder beside the output", () => {
    expect(readdirSync(join(outdir, ".."))).toEqual(["cdktf.out"]);
  });
});

test("a failed synth leaves the previous output, Terraform's files included, untouched", () => {
  const outdir = join(tempDir(), "cdktf.out");
  synthesizeAtomically(outdir, stacks("a"));
  terraformWasHere(join(outdir, "stacks", "a"));
  const before = tree(outdir);

  expect(() =>
    synthesizeAtomically(
      outdir,
      (app) => {
        stacks("a", "b")(app);
      },
      () => {
        throw new Error("guardrail violation");
      },
    ),
  ).toThrow("guardrail violation");
  expect(() =>
    synthesizeAtomically(outdir, () => {
      throw new Error("config problem");
    }),
  ).toThrow("config problem");

  expect(tree(outdir)).toEqual(before);
  expect(readdirSync(join(outdir, ".."))).toEqual(["cdktf.out"]);
});

describe("an output folder that can't be written is refused, saying what to do", () => {
  test("a missing parent", () => {
    const parent = join(tempDir(), "missing");
    const attempt = () => synthesizeAtomically(join(parent, "out"), stacks("a"));
    expect(attempt).toThrow(OutputFolderError);
    expect(attempt).toThrow(
      `Cannot write the output to ${parent}/out: its parent folder ${parent} does not exist. Create it (mkdir -p ${parent}), or set CDKTF_OUTDIR to a folder whose parent exists.`,
    );
    expect(existsSync(parent)).toBe(false);
  });

  test("a file where the output folder should be, which is kept", () => {
    const file = join(tempDir(), "out");
    writeFileSync(file, "mine");
    expect(() => synthesizeAtomically(file, stacks("a"))).toThrow(
      `Cannot write the output to ${file}: it is a file, and synth would replace it with a folder.`,
    );
    expect(readFileSync(file, "utf8")).toBe("mine");
  });
});
