// Benchmark: one filtered page of a 5,000-row data source through the sandbox's HTTP API, timed
// with the official client. Run with `npx tsx bench/sandbox-query.ts`. Target: p95 under 50 ms.
import { Client, type DatabaseObjectResponse } from "@notionhq/client";
import { DEFAULT_REDIRECT_URIS, DEFAULT_SANDBOX_CLIENT_SECRET, SANDBOX_CLIENT_ID, SandboxAdmin, SEED_PEOPLE, SEED_WORKSPACES, startSandbox } from "../notion-sandbox";

const ROWS = 5_000;
const WARMUP = 20;
const RUNS = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function benchSandboxQuery(): Promise<{ name: string; p50Ms: number; p95Ms: number }> {
  const sandbox = await startSandbox({ port: 0, rateLimit: false });
  try {
    const redirectUri = DEFAULT_REDIRECT_URIS[0] ?? "";
    const redirect = await new SandboxAdmin(sandbox.url).approve({
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri: redirectUri,
      person_id: SEED_PEOPLE.ada.id,
      workspace_id: SEED_WORKSPACES.notebook.id,
      template: true,
    });
    const oauth = new Client({ baseUrl: sandbox.url });
    const token = await oauth.oauth.token({
      client_id: SANDBOX_CLIENT_ID,
      client_secret: DEFAULT_SANDBOX_CLIENT_SECRET,
      grant_type: "authorization_code",
      code: new URL(redirect).searchParams.get("code") ?? "",
      redirect_uri: redirectUri,
    });
    const notion = new Client({ baseUrl: sandbox.url, auth: token.access_token });
    const children = await notion.blocks.children.list({ block_id: token.duplicated_template_id ?? "" });
    const databaseId = children.results.find((block) => "type" in block && block.type === "child_database")?.id ?? "";
    const database = (await notion.databases.retrieve({ database_id: databaseId })) as DatabaseObjectResponse;
    const dataSourceId = database.data_sources[0]?.id ?? "";
    await new SandboxAdmin(sandbox.url).seedRows(dataSourceId, ROWS);

    const query = () =>
      notion.dataSources.query({
        data_source_id: dataSourceId,
        filter: { and: [{ property: "Tags", multi_select: { contains: "ai" } }, { property: "Name", title: { contains: "notes" } }] },
        sorts: [{ timestamp: "created_time", direction: "descending" }],
        page_size: 100,
      });
    for (let i = 0; i < WARMUP; i++) await query();
    const timings: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await query();
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    return { name: `sandbox query: ${ROWS} rows, tag + title filter, page_size 100`, p50Ms: percentile(timings, 50), p95Ms: percentile(timings, 95) };
  } finally {
    await sandbox.stop();
  }
}

if (require.main === module) {
  benchSandboxQuery().then(
    ({ name, p50Ms, p95Ms }) => console.log(`${name}: p50 ${p50Ms.toFixed(2)} ms, p95 ${p95Ms.toFixed(2)} ms`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
