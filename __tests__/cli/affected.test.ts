import { spawnSync } from "node:child_process";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compareSynths, findAffectedStacks } from "../../cli/affected";
import { deployOrder } from "../../cli/stack-order";
import { tempDir } from "../helpers/synth";

const ROOT = join(__dirname, "..", "..");

function git(cwd: string, ...args: string[]) {
  const result = spawnSync(
    "git",
    ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args],
    { cwd, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(result.stderr);
}

test("stamping one account affects its environment stack, its new baseline stack and its security enrollment, nothing else", async () => {
  const clone = join(tempDir(), "repo");
  git(ROOT, "clone", "--quiet", "--local", "--no-hardlinks", ROOT, clone);
  symlinkSync(join(ROOT, "node_modules"), join(clone, "node_modules"), "dir");
  const devFile = join(clone, "environments", "dev.yaml");
  writeFileSync(
    devFile,
    readFileSync(devFile, "utf8").replace(
      "\nbaseline:\n",
      "\n  - name: dev-ml\n    email: aws+dev-ml@northwind-health.com\n    owner: ml-team\nbaseline:\n",
    ),
  );
  git(clone, "commit", "--quiet", "-am", "Stamp dev-ml");

  const affected = await findAffectedStacks("HEAD~1", clone);

  expect(affected).toEqual({
    base: "HEAD~1",
    changed: ["dev", "security-members"],
    added: ["account-dev-ml"],
    removed: [],
    stacks: ["dev", "account-dev-ml", "security-members"],
    matrix: [
      { stack: "dev", environment: "dev" },
      { stack: "account-dev-ml", environment: "dev" },
      { stack: "security-members", environment: "landing-zone" },
    ],
  });
}, 60_000);

test("stacks are listed in deploy order, after what they depend on", () => {
  expect(
    deployOrder({
      "account-a": ["dev", "logging"],
      dev: ["organization"],
      logging: ["organization"],
      organization: [],
    }),
  ).toEqual(["organization", "dev", "logging", "account-a"]);
  expect(() => deployOrder({ a: ["b"], b: ["a"] })).toThrow(
    "Stacks depend on each other in a cycle through a",
  );
});

test("identical synths affect nothing", () => {
  const out = join(ROOT, "__tests__", "fixtures", "synth-comparison");
  expect(compareSynths(join(out, "base"), join(out, "base"), "main")).toEqual({
    base: "main",
    changed: [],
    added: [],
    removed: [],
    stacks: [],
    matrix: [],
  });
});
