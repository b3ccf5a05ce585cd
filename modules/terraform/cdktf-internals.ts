import { TerraformStack } from "cdktf";

/**
 * The cdktf version whose internals this file relies on. These are the only two places the
 * landing zone depends on cdktf beyond its public API, both for synth speed; a test fails when
 * the installed cdktf differs, so an upgrade re-checks them instead of silently losing them.
 */
export const CDKTF_VERSION_RELIED_ON = "0.21.0";

/** The private module whose export cdktf calls to record a stack trace for each token. */
export const TOKEN_STACK_TRACE_MODULE = "cdktf/lib/tokens/private/stack-trace";

/**
 * cdktf records a full JavaScript stack trace each time it creates a token, only to quote it in
 * the error for a token that can't be resolved. Profiling showed those traces costing a third of
 * synth time and a third of its memory at 100 accounts, growing with every resource. Synth skips
 * them; set LZ_TOKEN_STACK_TRACES=1 to get them back when debugging such an error.
 */
export function skipTokenStackTraces(env: NodeJS.ProcessEnv = process.env): void {
  if (env.LZ_TOKEN_STACK_TRACES === "1") return;
  // cdktf calls this module's export through the module object, so replacing it takes effect.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a private module, patched at run time
  const stackTrace = require(TOKEN_STACK_TRACE_MODULE) as { captureStackTrace: () => string[] };
  stackTrace.captureStackTrace = () => [];
}

/**
 * A stack that reads other stacks only through remote state it declares itself
 * (readPublishedOutput), so it skips cdktf's preparing pass: that pass resolves every value of
 * every stack once more, only to find references into other stacks and route them through remote
 * state, and at 1,000 accounts it was a third of synth. A test fails if such a stack (the account
 * baselines, security-members) ever references a resource it doesn't declare itself.
 */
export abstract class StackWithoutCrossStackPass extends TerraformStack {
  override prepareStack(): void {
    this.ensureBackendExists();
  }
}
