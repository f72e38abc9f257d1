import crypto from "node:crypto";
import type { OauthTokenResponse } from "@notionhq/client";
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { outboxBacklog } from "@/lib/bookmarks/queries";
import { resolveSource } from "@/lib/bookmarks/source";
import { syncWorkspace } from "@/lib/bookmarks/sync";
import { notionForWorkspace } from "@/lib/notion/client";
import { exchangeCode } from "@/lib/notion/oauth";
import { connectionFromTokens } from "@/lib/auth/connection";
import { profileFromTokenResponse } from "@/lib/auth/notion-provider";
import { connectWorkspace } from "@/lib/workspaces/connect";
import { findWorkspace } from "@/lib/workspaces/queries";
import {
  DEFAULT_SANDBOX_CLIENT_SECRET,
  SANDBOX_CLIENT_ID,
  SandboxAdmin,
  SEED_PEOPLE,
  SEED_WORKSPACES,
  startSandbox,
  type RunningSandbox,
  type SandboxOptions,
} from "@/notion-sandbox";

export const TEST_REDIRECT_URI = "http://127.0.0.1:3999/api/auth/callback/notion";

/**
 * A sandbox for app-level tests, with Shelf's configuration (lib/env) pointing at it. env() is
 * read lazily, so this must run before the first Notion or crypto call of the test file.
 */
export async function startAppSandbox(
  options: { rateLimit?: SandboxOptions["rateLimit"]; env?: Record<string, string> } = {},
): Promise<{ sandbox: RunningSandbox; admin: SandboxAdmin }> {
  const sandbox = await startSandbox({ port: 0, rateLimit: options.rateLimit ?? false, redirectUris: [TEST_REDIRECT_URI] });
  Object.assign(process.env, {
    // Fast by default; tests of the rate limit and timeouts set their own.
    NOTION_REQUESTS_PER_SECOND: "1000",
    NOTION_TIMEOUT_SECONDS: "3",
    ...options.env,
    NOTION_API_BASE: sandbox.url,
    NOTION_CLIENT_ID: SANDBOX_CLIENT_ID,
    NOTION_CLIENT_SECRET: DEFAULT_SANDBOX_CLIENT_SECRET,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64"),
    TOKEN_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
  });
  return { sandbox, admin: new SandboxAdmin(sandbox.url) };
}

type Person = keyof typeof SEED_PEOPLE;
type SeedWorkspace = keyof typeof SEED_WORKSPACES;

/**
 * What signing in does, without a browser: approve on the sandbox, exchange the code, store the
 * user and workspace. Returns the stored row and the plaintext tokens (for assertions only).
 */
export async function connectSandboxWorkspace(
  db: Database,
  admin: SandboxAdmin,
  options: { person: Person; workspace: SeedWorkspace; template?: boolean; pageIds?: string[]; signedInUserId?: string },
): Promise<{ workspace: Workspace; tokens: OauthTokenResponse }> {
  const redirect = await admin.approve({
    client_id: SANDBOX_CLIENT_ID,
    redirect_uri: TEST_REDIRECT_URI,
    state: "test",
    person_id: SEED_PEOPLE[options.person].id,
    workspace_id: SEED_WORKSPACES[options.workspace].id,
    template: options.template ?? true,
    page_ids: options.pageIds,
  });
  const code = new URL(redirect).searchParams.get("code");
  if (!code) throw new Error(`approve gave no code: ${redirect}`);
  const tokens = await exchangeCode(code, TEST_REDIRECT_URI);
  const result = await connectWorkspace(db, {
    person: profileFromTokenResponse(tokens)!,
    signedInUserId: options.signedInUserId ?? null,
    connection: connectionFromTokens(tokens),
  });
  if (!result.ok) throw new Error(`connect failed: ${result.reason}`);
  return { workspace: (await findWorkspace(db, result.workspaceId))!, tokens };
}

/** A connected workspace whose Bookmarks database (from the template) is found and mirrored. */
export async function readyWorkspace(
  db: Database,
  admin: SandboxAdmin,
  options: Parameters<typeof connectSandboxWorkspace>[2],
): Promise<{ workspace: Workspace; tokens: OauthTokenResponse }> {
  const { workspace, tokens } = await connectSandboxWorkspace(db, admin, options);
  const found = await resolveSource({ db, workspace }, notionForWorkspace(db, workspace));
  if (!found) throw new Error("the template database was not found");
  const active = (await findWorkspace(db, workspace.id))!;
  await syncWorkspace(db, active);
  return { workspace: (await findWorkspace(db, workspace.id))!, tokens };
}

/** Waits until the outbox has nothing pending (parked writes stay), or fails after `timeoutMs`. */
export async function drainOutbox(db: Database, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await outboxBacklog(db)).pending > 0) {
    if (Date.now() > deadline) throw new Error(`outbox not drained: ${JSON.stringify(await outboxBacklog(db))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
