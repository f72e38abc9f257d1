/**
 * Helpers for the sandbox's own contract tests: a sandbox per test file and a one-call
 * connection (approve + token exchange) through the official client.
 */
import { Client, type OauthTokenResponse } from "@notionhq/client";
import { SandboxAdmin } from "../admin-client";
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../index";
import { DEFAULT_REDIRECT_URIS, DEFAULT_SANDBOX_CLIENT_SECRET, SANDBOX_CLIENT_ID, SEED_PEOPLE, SEED_WORKSPACES } from "../seed";

type ClientOptions = NonNullable<ConstructorParameters<typeof Client>[0]>;

export const REDIRECT_URI = DEFAULT_REDIRECT_URIS[0] as string;

export interface TestSandbox {
  sandbox: RunningSandbox;
  admin: SandboxAdmin;
  /** A client without a token, for the OAuth endpoints. */
  oauth: Client;
  client(auth: string, options?: Partial<ClientOptions>): Client;
  connect(options?: ConnectOptions): Promise<OauthTokenResponse>;
}

export interface ConnectOptions {
  personId?: string;
  workspaceId?: string;
  template?: boolean;
  pageIds?: string[];
}

/** The SDK logs every failed request as a warning; the tests provoke plenty on purpose. */
const silent = () => {};

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, rateLimit: false, ...options });
  const admin = new SandboxAdmin(sandbox.url);
  const client = (auth: string, extra: Partial<ClientOptions> = {}) => new Client({ baseUrl: sandbox.url, auth, logger: silent, ...extra });
  const oauth = new Client({ baseUrl: sandbox.url, logger: silent });
  return {
    sandbox,
    admin,
    oauth,
    client,
    async connect({ personId = SEED_PEOPLE.ada.id, workspaceId = SEED_WORKSPACES.notebook.id, template = true, pageIds }: ConnectOptions = {}) {
      const redirect = await admin.approve({
        client_id: SANDBOX_CLIENT_ID,
        redirect_uri: REDIRECT_URI,
        person_id: personId,
        workspace_id: workspaceId,
        template,
        page_ids: pageIds,
      });
      const code = new URL(redirect).searchParams.get("code") ?? "";
      return oauth.oauth.token({
        client_id: SANDBOX_CLIENT_ID,
        client_secret: DEFAULT_SANDBOX_CLIENT_SECRET,
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
      });
    },
  };
}

/** Calls `fn` and returns what it threw, failing the test when it did not throw. */
export async function thrown(fn: () => Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await fn();
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error("expected the call to fail");
}
