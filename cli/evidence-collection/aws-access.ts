import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { STSClientConfig } from "@aws-sdk/client-sts";

type Credentials = NonNullable<STSClientConfig["credentials"]>;
type CredentialIdentity = Awaited<ReturnType<Extract<Credentials, () => unknown>>>;

/** How every client of the run talks to AWS, beyond credentials and region. */
export interface ClientSettings {
  /** Attempts per call, throttled ones included; the SDK backs off exponentially between them. */
  readonly maxAttempts?: number;
  /** "adaptive" (the SDK's standard backoff plus a client-side rate limiter) or "standard". */
  readonly retryMode?: string;
  /** Tests answer calls without a network. */
  readonly requestHandler?: STSClientConfig["requestHandler"];
}

/**
 * Organizations throttles hard (a few calls a second per account), and one run makes thousands of
 * calls: ten attempts with the adaptive mode ride out a burst. AWS_MAX_ATTEMPTS and AWS_RETRY_MODE,
 * when set, win: the SDK reads them itself, so they are left out here.
 */
export function defaultClientSettings(env: NodeJS.ProcessEnv): ClientSettings {
  return {
    ...(env.AWS_MAX_ATTEMPTS ? {} : { maxAttempts: 10 }),
    ...(env.AWS_RETRY_MODE ? {} : { retryMode: "adaptive" }),
  };
}

/** The constructor of any SDK v3 client: one package per service, all configured alike. */
export type ClientClass<C> = new (config: {
  region: string;
  credentials?: Credentials;
  maxAttempts?: number;
  retryMode?: string;
  requestHandler?: STSClientConfig["requestHandler"];
}) => C;

/** Clients of one set of credentials, one per service and region, reused across checks. */
export class ClientPool {
  private readonly clients = new Map<ClientClass<unknown>, Map<string, unknown>>();

  constructor(
    private readonly settings: ClientSettings,
    /** Undefined: the SDK's default chain (environment, profile, SSO, container, instance). */
    private readonly credentials?: Credentials,
  ) {
    // On Node 20 the SDK warns, once per process, that its releases after January 2027 need
    // Node 22. The versions here are pinned: the warning is about upgrading them, which
    // docs/evidence.md notes, not about this run.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  }

  client<C>(type: ClientClass<C>, region: string): C {
    const byRegion = this.clients.get(type) ?? new Map<string, unknown>();
    this.clients.set(type, byRegion);
    let client = byRegion.get(region) as C | undefined;
    if (!client) {
      client = new type({
        region,
        ...(this.credentials ? { credentials: this.credentials } : {}),
        ...this.settings,
      });
      byRegion.set(region, client);
    }
    return client;
  }

  /** The same settings with other credentials: another account's session. */
  withCredentials(credentials: Credentials): ClientPool {
    return new ClientPool(this.settings, credentials);
  }
}

/** Refresh a role session this long before it expires, so no call runs on stale credentials. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * Credentials of a role, assumed with the pool's own credentials and assumed again shortly before
 * they expire: a run over a large organization can outlast the read role's one-hour session.
 */
export function assumedRoleCredentials(
  pool: ClientPool,
  region: string,
  roleArn: string,
  sessionName: string,
): () => Promise<CredentialIdentity> {
  let current: Promise<CredentialIdentity> | undefined;
  let expiresAt = 0;
  const assume = async (): Promise<CredentialIdentity> => {
    const { Credentials: session } = await pool
      .client(STSClient, region)
      .send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName }));
    if (!session?.AccessKeyId || !session.SecretAccessKey)
      throw new Error(`STS returned no credentials for ${roleArn}`);
    expiresAt = session.Expiration?.getTime() ?? Number.POSITIVE_INFINITY;
    return {
      accessKeyId: session.AccessKeyId,
      secretAccessKey: session.SecretAccessKey,
      sessionToken: session.SessionToken,
      expiration: session.Expiration,
    };
  };
  return () => {
    if (!current || Date.now() > expiresAt - REFRESH_MARGIN_MS) {
      current = assume();
      // A failed attempt is not cached: the next call tries again.
      current.catch(() => (current = undefined));
    }
    return current;
  };
}

/**
 * An SDK error in one line, for the snapshot: its name, first line and HTTP status. An emulator
 * that lacks an API answers with a page the SDK can't parse; the status says which.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const name = error.name && error.name !== "Error" ? `${error.name}: ` : "";
  const message = error.message.split("\n")[0].trim();
  return `${name}${message}${status ? ` (HTTP ${status})` : ""}`;
}

/** The error's name, as AWS codes it (AccessDeniedException, InvalidAccessException...). */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "";
}
