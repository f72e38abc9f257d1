// `npm run start:cluster`: several Shelf servers (server.mjs, `npm start`) on one port, one per core
// by default (WEB_CONCURRENCY sets how many), through Node's cluster module: the primary holds the
// port and hands connections to the processes in turn. Arguments go to server.mjs (e.g. --port 3000).
// A process that dies is replaced; SIGTERM/SIGINT stop them all, each finishing what it has.
import cluster from "node:cluster";
import os from "node:os";

if (cluster.isPrimary) {
  const wanted = process.env.WEB_CONCURRENCY ?? String(os.availableParallelism());
  const count = Number(wanted);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    console.error(`WEB_CONCURRENCY must be a whole number from 1 to 64 (got "${wanted}")`);
    process.exit(1);
  }
  let stopping = false;
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`server process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  for (let i = 0; i < count; i++) cluster.fork();
} else {
  // Each process is a whole server.mjs, with its own socket-address secret.
  await import("../server.mjs");
}
