import { execFileSync, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { request } from "node:https";
import { createServer } from "node:net";
import { join } from "node:path";

/** A running moto_server on loopback, with TLS from a certificate made for this run. */
export interface EmulatorEndpoint {
  /** https://localhost:<port>: S3 Control prefixes the host with the account id. */
  readonly url: string;
  readonly port: number;
  /** The certificate the emulator presents: Terraform trusts it as its CA bundle. */
  readonly caBundle: string;
  readonly logFile: string;
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/**
 * A self-signed certificate for localhost, its subdomains (S3 Control's `<account-id>.localhost`)
 * and 127.0.0.1. The emulator runs with TLS because the landing zone's buckets refuse plain HTTP,
 * and Terraform verifies it rather than skipping verification.
 */
function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, "emulator-cert.pem");
  const key = join(dir, "emulator-key.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,DNS:*.localhost,IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "ignore" },
  );
  return { cert, key };
}

function httpsGet(url: string, caBundle: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca: readFileSync(caBundle), timeout: 2000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.end();
  });
}

async function waitUntilServing(endpoint: EmulatorEndpoint, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(
        `moto_server exited with code ${child.exitCode} before serving; see ${endpoint.logFile}`,
      );
    try {
      if ((await httpsGet(`${endpoint.url}/moto-api/`, endpoint.caBundle)) === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `moto_server did not answer on ${endpoint.url} within 60 s; see ${endpoint.logFile}`,
  );
}

/** moto_server, started on a free loopback port and stopped by its PID. */
export class MotoServer {
  private constructor(
    readonly endpoint: EmulatorEndpoint,
    private readonly child: ChildProcess,
  ) {}

  static async start(motoServer: string, workDir: string): Promise<MotoServer> {
    const { cert, key } = makeCertificate(workDir);
    const port = await freeLoopbackPort();
    const logFile = join(workDir, "moto-server.log");
    const log = openSync(logFile, "w");
    const child = spawn(
      motoServer,
      ["--host", "127.0.0.1", "--port", String(port), "--ssl-cert", cert, "--ssl-key", key],
      {
        env: {
          ...process.env,
          // AWS managed policies (ReadOnlyAccess, AdministratorAccess...) exist only when loaded.
          MOTO_IAM_LOAD_MANAGED_POLICIES: "true",
          // The harness reads the log while the emulator runs, to find the message behind an
          // error: nothing may wait in Python's buffers when it does.
          PYTHONUNBUFFERED: "1",
        },
        stdio: ["ignore", log, log],
      },
    );
    closeSync(log);
    const server = new MotoServer(
      { url: `https://localhost:${port}`, port, caBundle: cert, logFile },
      child,
    );
    try {
      await waitUntilServing(server.endpoint, child);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Everything the emulator logged so far, to find the message behind an HTTP 500. */
  log(): string {
    return readFileSync(this.endpoint.logFile, "utf8");
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const killer = setTimeout(() => this.child.kill("SIGKILL"), 5000);
      this.child.once("exit", () => {
        clearTimeout(killer);
        resolve();
      });
      this.child.kill("SIGTERM");
    });
  }
}
