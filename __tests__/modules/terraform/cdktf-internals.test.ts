import { readFileSync } from "node:fs";
import { TerraformStack } from "cdktf";
import {
  CDKTF_VERSION_RELIED_ON,
  TOKEN_STACK_TRACE_MODULE,
} from "../../../modules/terraform/cdktf-internals";

// An upgrade of cdktf fails here first: re-check both internals below, then move the version.
test("the installed cdktf is the version whose internals the landing zone relies on", () => {
  const installed = JSON.parse(readFileSync(require.resolve("cdktf/package.json"), "utf8")) as {
    version: string;
  };
  expect(installed.version).toBe(CDKTF_VERSION_RELIED_ON);
});

test("the token stack-trace module still exports what synth replaces", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the private module itself
  const stackTrace = require(TOKEN_STACK_TRACE_MODULE) as Record<string, unknown>;
  expect(typeof stackTrace.captureStackTrace).toBe("function");
});

test("a stack's preparing pass is still prepareStack, which ensures the backend first", () => {
  const prepare = TerraformStack.prototype.prepareStack.toString();
  expect(prepare).toContain("ensureBackendExists");
  expect(typeof TerraformStack.prototype.ensureBackendExists).toBe("function");
});
