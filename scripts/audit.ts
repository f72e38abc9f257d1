/**
 * `npm run audit`: fails on high or critical advisories in production dependencies that
 * .ci/audit-exceptions.json doesn't excuse.
 *
 * Runs `npm audit --omit=dev --json`. An exception is
 *   { "id": 1234567 or "GHSA-xxxx-xxxx-xxxx", "package": "name", "reason": "why", "until": "YYYY-MM-DD" }
 * and excuses that advisory in that package through the end of `until` (UTC); after that it no
 * longer does. When the registry's audit endpoint can't be reached (network error, or an HTTP
 * error from the endpoint, as behind a mirror without it), it prints
 * "audit skipped: registry unreachable" and exits 0. Any other failure to audit exits 1.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export type AuditException = { id: number | string; package: string; reason: string; until: string };

export type Advisory = {
  /** npm's numeric advisory id (`source` in npm audit's JSON). */
  id: number;
  /** GHSA id from the advisory URL, when there is one. */
  ghsa: string | null;
  package: string;
  severity: string;
  title: string;
  url: string;
  range: string;
};

export type AuditOutcome =
  | { kind: "report"; advisories: Advisory[] }
  | { kind: "unreachable"; reason: string }
  | { kind: "error"; reason: string };

const FAILING = new Set(["high", "critical"]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads npm audit's --json output (report or error) into something the rest can decide on. */
export function readAuditJson(stdout: string): AuditOutcome {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    return { kind: "error", reason: `npm audit printed no JSON: ${stdout.slice(0, 200) || "(nothing)"}` };
  }
  if (!isRecord(json)) return { kind: "error", reason: "npm audit printed unexpected JSON" };

  if (isRecord(json.vulnerabilities)) {
    const advisories = new Map<number, Advisory>();
    for (const entry of Object.values(json.vulnerabilities)) {
      if (!isRecord(entry) || !Array.isArray(entry.via)) continue;
      // String entries in `via` name a vulnerable dependency; its advisory is listed under that package.
      for (const via of entry.via) {
        if (!isRecord(via) || typeof via.source !== "number") continue;
        const url = typeof via.url === "string" ? via.url : "";
        advisories.set(via.source, {
          id: via.source,
          ghsa: /GHSA-[\w-]+/i.exec(url)?.[0] ?? null,
          package: typeof via.name === "string" ? via.name : String(entry.name),
          severity: typeof via.severity === "string" ? via.severity : "unknown",
          title: typeof via.title === "string" ? via.title : "",
          url,
          range: typeof via.range === "string" ? via.range : "",
        });
      }
    }
    return { kind: "report", advisories: [...advisories.values()] };
  }

  // npm's error JSON: { message, statusCode?, error: { summary, detail } } or { error: { code, summary } }.
  const error = isRecord(json.error) ? json.error : {};
  const message = [json.message, error.code, error.summary, error.detail].filter((part) => typeof part === "string" && part !== "").join(" — ");
  const auditRequestFailed = /\/-\/npm\/v1\/security\//.test(message) || typeof json.statusCode === "number";
  const networkError = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNABORTED|FETCH_ERROR|EPROTO|CERT_|UNABLE_TO_)/.test(message);
  if (auditRequestFailed || networkError) return { kind: "unreachable", reason: message || "no answer from the registry" };
  return { kind: "error", reason: message || "npm audit failed without a message" };
}

/** Problems in the exceptions file, in words; empty when it's fine. */
export function validateExceptions(value: unknown): string[] {
  if (!Array.isArray(value)) return ["the exceptions file must hold a JSON array"];
  return value.flatMap((entry, i) => {
    const at = `entry ${i}`;
    if (!isRecord(entry)) return [`${at} is not an object`];
    const problems: string[] = [];
    if (!(typeof entry.id === "number" || (typeof entry.id === "string" && entry.id !== ""))) problems.push(`${at}: "id" must be an advisory number or a GHSA id`);
    if (typeof entry.package !== "string" || entry.package === "") problems.push(`${at}: "package" is required`);
    if (typeof entry.reason !== "string" || entry.reason.trim() === "") problems.push(`${at}: "reason" is required`);
    if (typeof entry.until !== "string" || !DATE.test(entry.until) || Number.isNaN(Date.parse(`${entry.until}T00:00:00Z`))) {
      problems.push(`${at}: "until" must be a date, YYYY-MM-DD`);
    }
    return problems;
  });
}

/** Whether `exception` excuses `advisory` on `today` (YYYY-MM-DD, UTC): same package and id, not expired. */
export function excuses(exception: AuditException, advisory: Advisory, today: string): boolean {
  const id = String(exception.id).toLowerCase();
  const sameAdvisory = id === String(advisory.id) || (advisory.ghsa !== null && id === advisory.ghsa.toLowerCase());
  return sameAdvisory && exception.package === advisory.package && today <= exception.until;
}

/** The advisories that fail the audit: high or critical, and not excused by a current exception. */
export function failingAdvisories(advisories: Advisory[], exceptions: AuditException[], today: string): Advisory[] {
  return advisories.filter((advisory) => FAILING.has(advisory.severity) && !exceptions.some((e) => excuses(e, advisory, today)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function runNpmAudit(cwd: string, timeoutMs: number): Promise<{ stdout: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["audit", "--omit=dev", "--json"], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
    }, timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.resume(); // npm's warnings; the JSON on stdout carries the result
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // npm audit exits 1 both when it finds advisories and when it fails, so the JSON decides.
    child.on("close", () => {
      clearTimeout(timer);
      resolve({ stdout, timedOut });
    });
  });
}

function describeAdvisory(a: Advisory): string {
  return `${a.severity.padEnd(8)} ${a.package}${a.range ? ` ${a.range}` : ""}  ${a.ghsa ?? a.id}  ${a.title}${a.url ? `\n           ${a.url}` : ""}`;
}

async function main(): Promise<number> {
  const root = path.resolve(import.meta.dirname, "..");
  const exceptionsPath = path.join(root, ".ci", "audit-exceptions.json");
  const exceptionsJson: unknown = existsSync(exceptionsPath) ? JSON.parse(readFileSync(exceptionsPath, "utf8")) : [];
  const problems = validateExceptions(exceptionsJson);
  if (problems.length > 0) {
    console.error(`audit: ${path.relative(root, exceptionsPath)} is invalid:\n  ${problems.join("\n  ")}`);
    return 1;
  }
  const exceptions = exceptionsJson as AuditException[];
  const today = new Date().toISOString().slice(0, 10);

  const { stdout, timedOut } = await runNpmAudit(root, 120_000);
  const outcome: AuditOutcome = timedOut ? { kind: "unreachable", reason: "npm audit took over 120 s" } : readAuditJson(stdout);

  if (outcome.kind === "unreachable") {
    console.log(`audit skipped: registry unreachable (${outcome.reason})`);
    return 0;
  }
  if (outcome.kind === "error") {
    console.error(`audit: npm audit failed: ${outcome.reason}`);
    return 1;
  }

  const { advisories } = outcome;
  const failing = failingAdvisories(advisories, exceptions, today);
  const excused = advisories.filter((a) => FAILING.has(a.severity) && !failing.includes(a));
  const lower = advisories.filter((a) => !FAILING.has(a.severity));
  const expired = exceptions.filter((e) => today > e.until);

  console.log(`audit: ${advisories.length} advisories in production dependencies (${failing.length} failing, ${excused.length} excused, ${lower.length} below high)`);
  for (const a of failing) console.log(`  FAIL     ${describeAdvisory(a)}`);
  for (const a of excused) {
    const exception = exceptions.find((e) => excuses(e, a, today));
    console.log(`  excused  ${describeAdvisory(a)}\n           until ${exception?.until}: ${exception?.reason}`);
  }
  for (const a of lower) console.log(`  note     ${describeAdvisory(a)}`);
  for (const e of expired) console.log(`  expired exception (no longer excuses): ${e.package} ${e.id}, until ${e.until}`);
  console.log(failing.length > 0 ? "audit failed" : "audit passed");
  return failing.length > 0 ? 1 : 0;
}

// Run only as a script, not when the test imports the functions above.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error("audit:", error);
      process.exit(1);
    },
  );
}
