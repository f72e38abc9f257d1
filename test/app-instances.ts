import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * App instances' background work (test/worker-process.ts: outbox worker, import runner and page
 * reader, polling fast), or `npm run worker` itself (scripts/worker.ts, at its defaults), each in a
 * process of its own on one real Postgres, for tests that run several instances or kill one.
 */
export function appInstances() {
  const children = new Set<ChildProcess>();
  return {
    /** Resolves once the instance has started its worker and runner. */
    start(databaseUrl: string, options: { script?: "test" | "npm run worker" } = {}): Promise<ChildProcess> {
      const script = options.script === "npm run worker" ? ["scripts", "worker.ts"] : ["test", "worker-process.ts"];
      const child = fork(path.join(process.cwd(), ...script), {
        execArgv: ["--import", "tsx"],
        env: { ...process.env, DATABASE_URL: databaseUrl, OUTBOX_LEASE_SECONDS: "2" },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      children.add(child);
      child.once("exit", () => children.delete(child));
      return new Promise((resolve, reject) => {
        child.once("message", () => resolve(child));
        child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
      });
    },
    killAll(): void {
      for (const child of children) child.kill("SIGKILL");
    },
  };
}
