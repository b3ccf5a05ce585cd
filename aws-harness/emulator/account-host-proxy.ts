import { createServer } from "node:http";
import type { Server } from "node:http";
import { connect } from "node:net";
import type { Socket } from "node:net";

/**
 * An HTTPS proxy for Terraform that sends `<account-id>.localhost` to the emulator and refuses
 * every other host. S3 Control calls go to `<account-id>.<endpoint host>`, a name no resolver
 * maps to loopback; through this proxy they reach the emulator, whose certificate covers
 * `*.localhost`. Every other endpoint is `localhost` itself, which Go's HTTP client never proxies.
 */
export class AccountHostProxy {
  private constructor(
    private readonly server: Server,
    private readonly tunnels: Set<Socket>,
    readonly url: string,
  ) {}

  static start(emulatorPort: number): Promise<AccountHostProxy> {
    const server = createServer((_, response) => {
      response.writeHead(405);
      response.end("CONNECT only\n");
    });
    // Tunnelled sockets leave the HTTP server's care: closing it would wait on them forever.
    const tunnels = new Set<Socket>();
    const track = (socket: Socket) => {
      tunnels.add(socket);
      socket.on("close", () => tunnels.delete(socket));
    };
    server.on("connect", (req, client: Socket, head) => {
      track(client);
      const allowed = new RegExp(`^\\d{12}\\.localhost:${emulatorPort}$`).test(req.url ?? "");
      if (!allowed) {
        client.end(`HTTP/1.1 403 Forbidden\r\n\r\nonly <account-id>.localhost:${emulatorPort}\r\n`);
        return;
      }
      const upstream = connect(emulatorPort, "127.0.0.1", () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      track(upstream);
      upstream.on("error", () => client.destroy());
      client.on("error", () => upstream.destroy());
    });
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const address = server.address();
        if (typeof address !== "object" || !address) return reject(new Error("no proxy port"));
        resolve(new AccountHostProxy(server, tunnels, `http://127.0.0.1:${address.port}`));
      });
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      for (const socket of this.tunnels) socket.destroy();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}
