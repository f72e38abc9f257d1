import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { describeEachDatabase } from "@/test/db";

it("the committed migrations match db/schema.ts", () => {
  // drizzle-kit generate into a copy: a new file there means schema.ts changed without a migration.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shelf-migrations-"));
  fs.cpSync(path.join(process.cwd(), "db", "migrations"), path.join(dir, "migrations"), { recursive: true });
  const config = path.join(dir, "drizzle.config.js");
  // drizzle-kit resolves `out` against the working directory, so it must be relative.
  const out = path.relative(process.cwd(), path.join(dir, "migrations"));
  fs.writeFileSync(config, `module.exports = ${JSON.stringify({ dialect: "postgresql", schema: "./db/schema.ts", out })};`);
  const before = fs.readdirSync(path.join(dir, "migrations")).sort();
  const output = execFileSync("npx", ["drizzle-kit", "generate", "--config", config], { encoding: "utf8", stdio: "pipe" });
  const after = fs.readdirSync(path.join(dir, "migrations")).sort();
  expect(after, `schema.ts differs from db/migrations; run npm run db:generate.\n${output}`).toEqual(before);
  expect(output).toMatch(/No schema changes/);
  fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

describeEachDatabase("migrations", (handle) => {
  it("create every table of the schema", async () => {
    const rows = await handle().query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(["accounts", "sessions", "users", "verification_tokens", "workspaces"]),
    );
  });

  it("run again without effect", async () => {
    await handle().migrate();
  });
});
