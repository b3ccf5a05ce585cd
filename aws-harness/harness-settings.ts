import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** Where the image keeps its provider mirror when LZ_PROVIDER_MIRROR doesn't say otherwise. */
const DEFAULT_PROVIDER_MIRROR = "/opt/tf-plugins";
/** The provider version the product targets (package.json pins its bindings to it). */
const TARGET_PROVIDER_VERSION = "6.25.0";
const AWS_PROVIDER_PATH = join("registry.terraform.io", "hashicorp", "aws");

/** How the harness reaches Terraform, the AWS provider and the emulator on this machine. */
export interface HarnessSettings {
  readonly terraform: string;
  readonly motoServer: string;
  /**
   * A filesystem mirror holding the AWS provider, or undefined to install the target version
   * from the registry (a laptop, GitHub Actions).
   */
  readonly providerMirror?: string;
  /** The provider version Terraform will run: the target, or the mirror's newest. */
  readonly providerVersion: string;
}

export class HarnessSetupError extends Error {}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** An executable by path, or by name on PATH as a shell finds it; undefined when it is neither. */
export function findExecutable(command: string, env: NodeJS.ProcessEnv): string | undefined {
  if (command.includes("/")) return isExecutableFile(command) ? command : undefined;
  return (env.PATH ?? "")
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, command))
    .find(isExecutableFile);
}

/** The AWS provider versions a mirror holds, newest first. */
function mirroredProviderVersions(mirror: string): string[] {
  const dir = join(mirror, AWS_PROVIDER_PATH);
  if (!existsSync(dir)) return [];
  const numeric = (version: string) => version.split(".").map(Number);
  return readdirSync(dir)
    .filter((entry) => /^\d+\.\d+\.\d+$/.test(entry))
    .sort((a, b) => {
      const [x, y] = [numeric(a), numeric(b)];
      return y[0] - x[0] || y[1] - x[1] || y[2] - x[2];
    });
}

function chooseMirror(env: NodeJS.ProcessEnv): { mirror?: string; problem?: string } {
  const configured = env.LZ_PROVIDER_MIRROR;
  if (configured === undefined) {
    return existsSync(DEFAULT_PROVIDER_MIRROR) ? { mirror: DEFAULT_PROVIDER_MIRROR } : {};
  }
  if (configured === "" || configured === "registry") return {};
  if (!existsSync(configured))
    return {
      problem: `LZ_PROVIDER_MIRROR is ${configured}, which doesn't exist. Point it at a Terraform filesystem mirror (the folder that holds registry.terraform.io/), or set it to "registry" to install provider ${TARGET_PROVIDER_VERSION} from the registry.`,
    };
  return { mirror: configured };
}

/**
 * Reads LZ_TERRAFORM, LZ_PROVIDER_MIRROR and LZ_MOTO_SERVER, checks each names something that is
 * there, and reports every missing part at once.
 */
export function readHarnessSettings(env: NodeJS.ProcessEnv = process.env): HarnessSettings {
  const problems: string[] = [];
  const terraformCommand = env.LZ_TERRAFORM || "terraform";
  const terraform = findExecutable(terraformCommand, env);
  if (!terraform)
    problems.push(
      `Terraform not found: ${terraformCommand} is not ${terraformCommand.includes("/") ? "a file" : "on PATH"}. Install Terraform 1.7 or later, or set LZ_TERRAFORM to its path.`,
    );
  else {
    const version = spawnSync(terraform, ["version", "-json"], { encoding: "utf8", env });
    const found = /"terraform_version":\s*"(\d+)\.(\d+)/.exec(version.stdout ?? "");
    if (!found || Number(found[1]) < 1 || (Number(found[1]) === 1 && Number(found[2]) < 7))
      problems.push(
        `${terraform} is not Terraform 1.7 or later (it said: ${(version.stdout || version.stderr || "nothing").trim().split("\n")[0]}). The harness needs import and removed blocks. Set LZ_TERRAFORM to a newer binary.`,
      );
  }
  const motoCommand = env.LZ_MOTO_SERVER || "moto_server";
  const motoServer = findExecutable(motoCommand, env);
  if (!motoServer)
    problems.push(
      `The AWS API emulator was not found: ${motoCommand} is not ${motoCommand.includes("/") ? "a file" : "on PATH"}. Install moto 5.2 with its server (pip install "moto[server]==5.2.*"), or set LZ_MOTO_SERVER to moto_server's path.`,
    );
  const { mirror, problem } = chooseMirror(env);
  if (problem) problems.push(problem);
  let providerVersion = TARGET_PROVIDER_VERSION;
  if (mirror) {
    const versions = mirroredProviderVersions(mirror);
    if (versions.length === 0)
      problems.push(
        `The provider mirror ${mirror} holds no AWS provider (expected ${join(mirror, AWS_PROVIDER_PATH, "<version>", "<os>_<arch>")}). Set LZ_PROVIDER_MIRROR to a mirror that has one, or to "registry".`,
      );
    else
      providerVersion = versions.includes(TARGET_PROVIDER_VERSION)
        ? TARGET_PROVIDER_VERSION
        : versions[0];
  }
  if (problems.length > 0) throw new HarnessSetupError(problems.join("\n"));
  return {
    terraform: terraform!,
    motoServer: motoServer!,
    providerMirror: mirror,
    providerVersion,
  };
}

/** True when Terraform runs a 5.x provider, whose syntax the stacks must be adapted to. */
export function needsProvider5Adapter(settings: HarnessSettings): boolean {
  return settings.providerVersion.split(".")[0] === "5";
}
