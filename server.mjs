// Shelf's production server: `next start`, plus the one thing Next cannot give the app — the
// address of the socket a request came in on. Next's route handlers, proxy.ts and server actions
// only see headers, and Next fills X-Forwarded-For with the socket address only when the client
// sent none, so a client can pick its own. This wrapper overwrites `x-shelf-peer` on every request
// with the socket address and a secret made at start, which lib/security/client-address.ts checks
// (docs/decisions/022). Usage: node server.mjs [--port 3000] [--hostname 0.0.0.0]
import crypto from "node:crypto";
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME;

// Set before Next loads the app, which reads it from the same process's environment.
process.env.SHELF_PEER_SECRET = crypto.randomBytes(24).toString("base64url");

const app = next({ dev: false, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.headers["x-shelf-peer"] = `${process.env.SHELF_PEER_SECRET} ${request.socket.remoteAddress ?? ""}`;
  handle(request, response);
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  // lib/startup.ts stops the background loops on the same signal; leases cover what they had in hand.
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

server.listen(port, hostname, () => {
  console.log(`Shelf listening on http://${hostname ?? "localhost"}:${port}`);
});
