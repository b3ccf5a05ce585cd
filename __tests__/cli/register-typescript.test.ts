import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { typescriptEntryArguments } from "../../cli/synth-command";
import { tempDir } from "../helpers/temp-dirs";

const ROOT = join(__dirname, "..", "..");

function runTypeScript(file: string, cacheDir: string) {
  return spawnSync(process.execPath, typescriptEntryArguments(file), {
    cwd: ROOT,
    env: { ...process.env, REGISTER_TYPESCRIPT_CACHE_DIR: cacheDir },
    encoding: "utf8",
  });
}

test("an edited file is transpiled afresh, and the cache keeps one entry per file", () => {
  const dir = tempDir();
  const cacheDir = join(dir, "cache");
  const file = join(dir, "answer.ts");
  const write = (value: number) =>
    writeFileSync(file, `const answer: number = ${value};\nconsole.log(answer);\n`);

  write(1);
  expect(runTypeScript(file, cacheDir).stdout).toBe("1\n");
  expect(runTypeScript(file, cacheDir).stdout).toBe("1\n");
  write(2);
  expect(runTypeScript(file, cacheDir).stdout).toBe("2\n");

  const transpiled = join(cacheDir, "transpiled");
  const entries = readdirSync(transpiled);
  expect(entries).toHaveLength(1);
  expect(readFileSync(join(transpiled, entries[0]), "utf8")).toContain("const answer = 2;");
});

test("stack traces point at the TypeScript line, without a source map", () => {
  const dir = tempDir();
  const file = join(dir, "fails.ts");
  writeFileSync(
    file,
    [
      "interface Shape {",
      "  readonly sides: number;",
      "}",
      "const shape: Shape = { sides: 3 };",
      "throw new Error(`broken ${shape.sides}`);",
    ].join("\n"),
  );
  const result = runTypeScript(file, join(dir, "cache"));
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("broken 3");
  expect(result.stderr).toContain(`${file}:5`);
});

test("npm run synth and cdktf's app run main.ts through the same loader", () => {
  const packageJson = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const cdktfJson = JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8"));
  const command = "node -r ./cli/register-typescript.js main.ts";
  expect(packageJson.scripts.synth).toBe(command);
  expect(cdktfJson.app).toBe(command);
});
