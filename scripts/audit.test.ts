import { describe, expect, it } from "vitest";
import { failingAdvisories, readAuditJson, validateExceptions, type Advisory, type AuditException } from "./audit";

// Shaped like `npm audit --json` (auditReportVersion 2): advisories sit in `via` of the package
// they affect; string entries in `via` point at a vulnerable dependency.
const REPORT = JSON.stringify({
  auditReportVersion: 2,
  vulnerabilities: {
    next: {
      name: "next",
      severity: "critical",
      isDirect: true,
      via: [
        {
          source: 1101234,
          name: "next",
          dependency: "next",
          title: "Authorization bypass in middleware",
          url: "https://github.com/advisories/GHSA-f82v-jwr5-mffw",
          severity: "critical",
          range: ">=15.0.0 <15.2.3",
        },
        "postcss",
      ],
      effects: [],
      range: ">=15.0.0 <15.2.3",
      fixAvailable: true,
    },
    postcss: {
      name: "postcss",
      severity: "moderate",
      isDirect: false,
      via: [
        {
          source: 1094544,
          name: "postcss",
          dependency: "postcss",
          title: "PostCSS line return parsing error",
          url: "https://github.com/advisories/GHSA-7fh5-64p2-3v2j",
          severity: "moderate",
          range: "<8.4.31",
        },
      ],
      effects: ["next"],
      range: "<8.4.31",
      fixAvailable: true,
    },
    cookie: {
      name: "cookie",
      severity: "high",
      isDirect: false,
      via: [{ source: 1103907, name: "cookie", title: "cookie accepts out of bounds characters", url: "https://github.com/advisories/GHSA-pxg6-pf52-xh8x", severity: "high", range: "<0.7.0" }],
      effects: [],
      range: "<0.7.0",
      fixAvailable: true,
    },
  },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 1, critical: 1, total: 3 } },
});

function advisories(): Advisory[] {
  const outcome = readAuditJson(REPORT);
  if (outcome.kind !== "report") throw new Error(`expected a report, got ${outcome.kind}`);
  return outcome.advisories;
}

const exception = (overrides: Partial<AuditException>): AuditException => ({
  id: "GHSA-pxg6-pf52-xh8x",
  package: "cookie",
  reason: "only parses our own cookies",
  until: "2026-12-31",
  ...overrides,
});

describe("readAuditJson", () => {
  it("collects each advisory once, with its GHSA id", () => {
    expect(advisories().map((a) => [a.package, a.id, a.ghsa, a.severity])).toEqual([
      ["next", 1101234, "GHSA-f82v-jwr5-mffw", "critical"],
      ["postcss", 1094544, "GHSA-7fh5-64p2-3v2j", "moderate"],
      ["cookie", 1103907, "GHSA-pxg6-pf52-xh8x", "high"],
    ]);
  });

  it("reads a clean report as no advisories", () => {
    expect(readAuditJson(JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: {} }))).toEqual({ kind: "report", advisories: [] });
  });

  it.each([
    ["an HTTP error from the audit endpoint (this machine's registry)", { message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk", statusCode: 405, error: { summary: "", detail: "" } }],
    ["DNS failure", { message: "request to http://nonexistent.invalid/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND nonexistent.invalid", error: { summary: "", detail: "" } }],
    ["refused connection", { error: { code: "ECONNREFUSED", summary: "connect ECONNREFUSED 127.0.0.1:9", detail: "" } }],
  ])("treats %s as unreachable", (_label, json) => {
    expect(readAuditJson(JSON.stringify(json)).kind).toBe("unreachable");
  });

  it("treats other npm errors (no lockfile) and non-JSON as errors, not as a pass", () => {
    expect(readAuditJson(JSON.stringify({ error: { code: "ENOLOCK", summary: "This command requires an existing lockfile.", detail: "" } })).kind).toBe("error");
    expect(readAuditJson("npm ERR! something").kind).toBe("error");
  });
});

describe("failingAdvisories", () => {
  const today = "2026-11-23";

  it("fails on high and critical, not on moderate", () => {
    expect(failingAdvisories(advisories(), [], today).map((a) => a.package)).toEqual(["next", "cookie"]);
  });

  it("lets a current exception excuse an advisory by GHSA id or by npm id, case-insensitively", () => {
    expect(failingAdvisories(advisories(), [exception({})], today).map((a) => a.package)).toEqual(["next"]);
    expect(failingAdvisories(advisories(), [exception({ id: 1103907 })], today).map((a) => a.package)).toEqual(["next"]);
    expect(failingAdvisories(advisories(), [exception({ id: "ghsa-pxg6-pf52-xh8x" })], today).map((a) => a.package)).toEqual(["next"]);
  });

  it("excuses through the end of the `until` day and not after", () => {
    expect(failingAdvisories(advisories(), [exception({ until: today })], today).map((a) => a.package)).toEqual(["next"]);
    expect(failingAdvisories(advisories(), [exception({ until: "2026-11-22" })], today).map((a) => a.package)).toEqual(["next", "cookie"]);
  });

  it("needs the package to match too", () => {
    expect(failingAdvisories(advisories(), [exception({ package: "next" })], today).map((a) => a.package)).toEqual(["next", "cookie"]);
  });
});

describe("validateExceptions", () => {
  it("accepts the shipped format and an empty list", () => {
    expect(validateExceptions([])).toEqual([]);
    expect(validateExceptions([exception({}), exception({ id: 1103907 })])).toEqual([]);
  });

  it("names what's wrong", () => {
    expect(validateExceptions({})).toEqual(["the exceptions file must hold a JSON array"]);
    expect(validateExceptions([{ id: "", package: "x", reason: " ", until: "31.12.2026" }])).toEqual([
      'entry 0: "id" must be an advisory number or a GHSA id',
      'entry 0: "reason" is required',
      'entry 0: "until" must be a date, YYYY-MM-DD',
    ]);
  });
});
