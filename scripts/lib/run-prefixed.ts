import { spawn } from "node:child_process";
import readline from "node:readline";

/**
 * Runs a command with its output passed on whole line by whole line, each marked with `prefix`,
 * so commands run side by side interleave readably. Resolves with its exit code.
 */
export function runPrefixed(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; prefix: string }): Promise<number> {
  const child = spawn(command, args, { env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    readline.createInterface({ input: from, crlfDelay: Infinity }).on("line", (line) => to.write(`${options.prefix}${line}\n`));
  }
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}
