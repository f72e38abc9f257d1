import crypto from "node:crypto";
import type { Database } from "@/db/client";
import type { ClientInfo } from "@/lib/audit/client-info";
import { UserFacingError } from "@/lib/errors";
import { findUserWorkspace } from "@/lib/workspaces/queries";
import { extensionGrantExists, insertExtensionGrant, spendExtensionGrant } from "./queries";
import { ALL_WORKSPACES, type ConfirmExtensionInput } from "./schema";
import { createApiToken } from "./service";

// Long enough to switch to the extension's tab and back, short enough that a forgotten request dies.
const GRANT_LIFETIME_MS = 10 * 60_000;

/** The challenge that names a verifier's request: base64url SHA-256, as the extension computes it. */
export const challengeOf = (verifier: string) => crypto.createHash("sha256").update(verifier, "utf8").digest("base64url");

export const extensionTokenName = (browser: string) => (browser ? `Shelf extension (${browser})` : "Shelf extension");

/**
 * The signed-in person said yes to an extension's request. No token exists yet: the extension
 * collects one with the verifier behind the challenge, which never leaves it.
 */
export async function confirmExtensionGrant(db: Database, userId: string, input: ConfirmExtensionInput): Promise<void> {
  let workspaceId: string | null = null;
  if (input.scope !== ALL_WORKSPACES) {
    const workspace = await findUserWorkspace(db, userId, input.scope);
    if (!workspace) throw new UserFacingError("That workspace was not found.", "invalid", { scope: "Choose one of your workspaces" });
    workspaceId = workspace.id;
  }
  const inserted = await insertExtensionGrant(db, {
    challenge: input.challenge,
    userId,
    workspaceId,
    name: extensionTokenName(input.browser),
    expiresAt: new Date(Date.now() + GRANT_LIFETIME_MS),
  });
  if (!inserted) throw new UserFacingError("This connection request was answered already. Start again from the extension.", "invalid");
}

export type Redemption = { status: "pending" } | { status: "gone" } | { status: "ready"; token: string };

/**
 * The extension asks for its token. "pending" until the person confirms (an unknown challenge
 * looks the same, so this says nothing about other people's requests); "gone" once it expired or
 * was collected; "ready" exactly once, with a new read-and-write token valid for a year.
 */
export async function redeemExtensionGrant(db: Database, verifier: string, client: ClientInfo): Promise<Redemption> {
  const challenge = challengeOf(verifier);
  const grant = await spendExtensionGrant(db, challenge, new Date());
  if (!grant) return (await extensionGrantExists(db, challenge)) ? { status: "gone" } : { status: "pending" };
  const { token } = await createApiToken(
    db,
    grant.userId,
    { name: grant.name, scope: grant.workspaceId ?? ALL_WORKSPACES, permission: "write", expiresInDays: "365" },
    client,
  );
  return { status: "ready", token };
}
