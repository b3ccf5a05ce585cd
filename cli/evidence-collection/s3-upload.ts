import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { UserError } from "../user-error";
import type { ClientPool } from "./aws-access";
import { compactTimestamp } from "./period";
import { MANIFEST_FILE } from "./snapshot-files";
import type { SnapshotManifest } from "./snapshot-files";

export interface UploadTarget {
  readonly bucket: string;
  /** Key prefix, without a leading or trailing slash; may be empty. */
  readonly prefix: string;
}

/** `s3://bucket/prefix` (or `s3://bucket`) as bucket and prefix. */
export function parseS3Url(url: string): UploadTarget {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!match)
    throw new UserError(
      `--upload-to takes s3://<bucket>[/<prefix>], got "${url}" (or use --upload for the evidence bucket)`,
    );
  return { bucket: match[1], prefix: (match[2] ?? "").replace(/^\/+|\/+$/g, "") };
}

/**
 * Uploads a snapshot folder under `<prefix>/<period>/<collection time>/`, whatever the local
 * folder is called, so snapshots never share a key and a period's are side by side. Each file
 * goes with its SHA-256, which S3 checks on receipt and keeps with the object; the manifest goes
 * last, so a snapshot whose manifest is in the bucket is whole there. No retention is set: the
 * bucket's default Object Lock retention applies to every object. Returns the keys written.
 */
export async function uploadSnapshot(
  clients: ClientPool,
  region: string,
  dir: string,
  manifest: SnapshotManifest,
  target: UploadTarget,
): Promise<string[]> {
  const s3 = clients.client(S3Client, region);
  const folder = [
    target.prefix,
    manifest.period.label,
    compactTimestamp(new Date(manifest.collected.started)),
  ]
    .filter((part) => part !== "")
    .join("/");
  const keys: string[] = [];
  for (const path of [...manifest.files.map((file) => file.path), MANIFEST_FILE]) {
    const body = readFileSync(join(dir, path));
    const key = `${folder}/${path}`;
    await s3.send(
      new PutObjectCommand({
        Bucket: target.bucket,
        Key: key,
        Body: body,
        ContentType: path.endsWith(".csv") ? "text/csv" : "application/json",
        ChecksumSHA256: createHash("sha256").update(body).digest("base64"),
      }),
    );
    keys.push(key);
  }
  return keys;
}
