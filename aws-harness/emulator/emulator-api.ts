import { readFileSync } from "node:fs";
import { request } from "node:https";
import type { EmulatorEndpoint } from "./moto-server";

export interface AwsCredentials {
  readonly AWS_ACCESS_KEY_ID: string;
  readonly AWS_SECRET_ACCESS_KEY: string;
  readonly AWS_SESSION_TOKEN: string;
}

/**
 * One call to the emulator. It checks no signature; it reads the access key from the
 * Authorization header to tell which account calls, so that is all the header carries.
 */
function call(
  endpoint: EmulatorEndpoint,
  method: "POST" | "PUT",
  /** The service the emulator routes the call to, as a signature's credential scope names it. */
  service: "sts" | "s3",
  path: string,
  body: string,
  accessKeyId = "AKIAEMULATORDEFAULT",
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${endpoint.url}${path}`,
      {
        method,
        ca: readFileSync(endpoint.caBundle),
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (res.statusCode === 200) resolve(text);
          else
            reject(
              new Error(`The emulator answered ${method} ${path} with ${res.statusCode}: ${text}`),
            );
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function element(xml: string, name: string): string {
  const found = new RegExp(`<${name}>([^<]+)</${name}>`).exec(xml);
  if (!found) throw new Error(`The emulator's AssumeRole answer has no ${name}:\n${xml}`);
  return found[1];
}

/**
 * Credentials of the given account in the emulator. The emulator's own credentials belong to its
 * default account (123456789012); a role session in another account is how it tells accounts
 * apart. Its STS accepts a role that doesn't exist, which makes this the emulator's stand-in for
 * the operator's management-account credentials: Terraform then checks them against
 * allowed_account_ids exactly as it would on AWS.
 */
export async function emulatorAccountCredentials(
  endpoint: EmulatorEndpoint,
  accountId: string,
): Promise<AwsCredentials> {
  const body = new URLSearchParams({
    Action: "AssumeRole",
    Version: "2011-06-15",
    RoleArn: `arn:aws:iam::${accountId}:role/landing-zone-operator`,
    RoleSessionName: "landing-zone-harness",
  }).toString();
  const xml = await call(endpoint, "POST", "sts", "/", body);
  return {
    AWS_ACCESS_KEY_ID: element(xml, "AccessKeyId"),
    AWS_SECRET_ACCESS_KEY: element(xml, "SecretAccessKey"),
    AWS_SESSION_TOKEN: element(xml, "SessionToken"),
  };
}

/**
 * The bucket that holds every stack's state in the emulator. It can't be the landing zone's own
 * state bucket: the emulator applies a bucket policy's Deny statements without their conditions,
 * so the TLS-only statements deny every request, over TLS too (see docs/proof-from-aws.md).
 */
export async function createEmulatorBucket(
  endpoint: EmulatorEndpoint,
  credentials: AwsCredentials,
  bucket: string,
): Promise<void> {
  await call(endpoint, "PUT", "s3", `/${bucket}`, "", credentials.AWS_ACCESS_KEY_ID);
}
