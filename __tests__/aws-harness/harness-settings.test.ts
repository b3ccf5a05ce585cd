import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  HarnessSetupError,
  needsProvider5Adapter,
  readHarnessSettings,
} from "../../aws-harness/harness-settings";
import { removeDir, tempDir } from "../helpers/temp-dirs";

let root: string;
beforeAll(() => {
  root = tempDir("lz-harness-settings-");
});
afterAll(() => removeDir(root));

let folders = 0;
const folder = (name: string) => {
  const dir = join(root, `${folders++}-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

const executable = (dir: string, name: string, script: string) =>
  writeFileSync(join(dir, name), `#!/bin/sh\n${script}\n`, { mode: 0o755 });

/** A PATH folder with a `terraform` that says `version` and, unless told not to, a `moto_server`. */
function fakeTools({ terraform = "1.11.4", moto = true }: { terraform?: string; moto?: boolean }) {
  const bin = folder("bin");
  if (terraform)
    executable(
      bin,
      "terraform",
      `[ "$1 $2" = "version -json" ] && echo '{"terraform_version":"${terraform}","platform":"linux_amd64"}'`,
    );
  if (moto) executable(bin, "moto_server", "exit 0");
  return bin;
}

/** A filesystem mirror holding these AWS provider versions, for linux_amd64. */
function mirrorOf(...versions: string[]) {
  const mirror = folder("mirror");
  for (const version of versions)
    mkdirSync(join(mirror, "registry.terraform.io", "hashicorp", "aws", version, "linux_amd64"), {
      recursive: true,
    });
  return mirror;
}

/** The message readHarnessSettings throws, failing the test if it returns or throws another kind. */
function setupError(env: NodeJS.ProcessEnv): string {
  try {
    readHarnessSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(HarnessSetupError);
    return (error as Error).message;
  }
  throw new Error("readHarnessSettings found no problem");
}

describe("a machine with everything", () => {
  it("finds Terraform, the emulator and the mirror's 5.x provider, which needs the adapter", () => {
    const bin = fakeTools({});
    const mirror = mirrorOf("5.100.0");

    const settings = readHarnessSettings({ PATH: bin, LZ_PROVIDER_MIRROR: mirror });

    expect(settings).toEqual({
      terraform: join(bin, "terraform"),
      motoServer: join(bin, "moto_server"),
      providerMirror: mirror,
      providerVersion: "5.100.0",
    });
    expect(needsProvider5Adapter(settings)).toBe(true);
  });

  it("prefers the target version when the mirror holds it too", () => {
    const mirror = mirrorOf("5.100.0", "6.25.0");

    const settings = readHarnessSettings({ PATH: fakeTools({}), LZ_PROVIDER_MIRROR: mirror });

    expect(settings.providerVersion).toBe("6.25.0");
    expect(settings.providerMirror).toBe(mirror);
    expect(needsProvider5Adapter(settings)).toBe(false);
  });

  it("prefers the target version over a newer one", () => {
    const mirror = mirrorOf("6.25.0", "6.30.0");

    expect(
      readHarnessSettings({ PATH: fakeTools({}), LZ_PROVIDER_MIRROR: mirror }).providerVersion,
    ).toBe("6.25.0");
  });

  it("takes the mirror's newest version by number, not by name", () => {
    const mirror = mirrorOf("5.9.0", "5.100.0", "5.31.0");

    expect(
      readHarnessSettings({ PATH: fakeTools({}), LZ_PROVIDER_MIRROR: mirror }).providerVersion,
    ).toBe("5.100.0");
  });

  it.each(["registry", ""])(
    'installs the target version from the registry when LZ_PROVIDER_MIRROR is "%s"',
    (setting) => {
      const settings = readHarnessSettings({ PATH: fakeTools({}), LZ_PROVIDER_MIRROR: setting });

      expect(settings.providerMirror).toBeUndefined();
      expect(settings.providerVersion).toBe("6.25.0");
      expect(needsProvider5Adapter(settings)).toBe(false);
    },
  );

  it("takes Terraform and moto_server by path from LZ_TERRAFORM and LZ_MOTO_SERVER", () => {
    const bin = fakeTools({});

    const settings = readHarnessSettings({
      PATH: folder("empty"),
      LZ_TERRAFORM: join(bin, "terraform"),
      LZ_MOTO_SERVER: join(bin, "moto_server"),
      LZ_PROVIDER_MIRROR: "registry",
    });

    expect(settings.terraform).toBe(join(bin, "terraform"));
    expect(settings.motoServer).toBe(join(bin, "moto_server"));
  });
});

describe("missing parts", () => {
  it("reports a missing Terraform, emulator and mirror together, each with what to set", () => {
    const empty = folder("empty");
    const mirror = join(root, "no-such-mirror");

    const message = setupError({ PATH: empty, LZ_PROVIDER_MIRROR: mirror });

    expect(message.split("\n")).toEqual([
      "Terraform not found: terraform is not on PATH. Install Terraform 1.7 or later, or set LZ_TERRAFORM to its path.",
      'The AWS API emulator was not found: moto_server is not on PATH. Install moto 5.2 with its server (pip install "moto[server]==5.2.*"), or set LZ_MOTO_SERVER to moto_server\'s path.',
      `LZ_PROVIDER_MIRROR is ${mirror}, which doesn't exist. Point it at a Terraform filesystem mirror (the folder that holds registry.terraform.io/), or set it to "registry" to install provider 6.25.0 from the registry.`,
    ]);
  });

  it("reports a Terraform too old, a missing emulator and a mirror without the provider together", () => {
    const bin = fakeTools({ terraform: "1.5.7", moto: false });
    const mirror = mirrorOf();
    mkdirSync(join(mirror, "registry.terraform.io", "hashicorp", "random", "3.6.0"), {
      recursive: true,
    });

    const message = setupError({ PATH: bin, LZ_PROVIDER_MIRROR: mirror });

    expect(message.split("\n")).toEqual([
      `${join(bin, "terraform")} is not Terraform 1.7 or later (it said: {"terraform_version":"1.5.7","platform":"linux_amd64"}). The harness needs import and removed blocks. Set LZ_TERRAFORM to a newer binary.`,
      'The AWS API emulator was not found: moto_server is not on PATH. Install moto 5.2 with its server (pip install "moto[server]==5.2.*"), or set LZ_MOTO_SERVER to moto_server\'s path.',
      `The provider mirror ${mirror} holds no AWS provider (expected ${mirror}/registry.terraform.io/hashicorp/aws/<version>/<os>_<arch>). Set LZ_PROVIDER_MIRROR to a mirror that has one, or to "registry".`,
    ]);
  });

  it("names the path it was given when LZ_TERRAFORM and LZ_MOTO_SERVER point at nothing", () => {
    const missing = join(root, "missing");

    const message = setupError({
      PATH: fakeTools({}),
      LZ_TERRAFORM: join(missing, "terraform"),
      LZ_MOTO_SERVER: join(missing, "moto_server"),
      LZ_PROVIDER_MIRROR: "registry",
    });

    expect(message.split("\n")).toEqual([
      `Terraform not found: ${missing}/terraform is not a file. Install Terraform 1.7 or later, or set LZ_TERRAFORM to its path.`,
      `The AWS API emulator was not found: ${missing}/moto_server is not a file. Install moto 5.2 with its server (pip install "moto[server]==5.2.*"), or set LZ_MOTO_SERVER to moto_server's path.`,
    ]);
  });

  it("rejects a mirror whose only AWS versions aren't releases", () => {
    const message = setupError({
      PATH: fakeTools({}),
      LZ_PROVIDER_MIRROR: mirrorOf("6.0.0-beta1"),
    });

    expect(message).toMatch(/^The provider mirror .* holds no AWS provider/);
    expect(message).toContain('Set LZ_PROVIDER_MIRROR to a mirror that has one, or to "registry".');
  });

  it.each(["1.7.0", "1.11.4", "2.0.0"])("accepts Terraform %s", (version) => {
    expect(() =>
      readHarnessSettings({
        PATH: fakeTools({ terraform: version }),
        LZ_PROVIDER_MIRROR: "registry",
      }),
    ).not.toThrow();
  });

  it.each(["1.6.6", "0.15.5"])("rejects Terraform %s", (version) => {
    expect(
      setupError({ PATH: fakeTools({ terraform: version }), LZ_PROVIDER_MIRROR: "registry" }),
    ).toContain("is not Terraform 1.7 or later");
  });
});
