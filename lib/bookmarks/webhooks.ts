import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import { log, reveal } from "@/lib/log";
import { verifyNotionSignature } from "@/lib/notion/webhooks";
import { activeWorkspacesOfNotionWorkspace } from "@/lib/workspaces/queries";
import { syncInBackground } from "./sync";

export type WebhookAnswer = { status: number; body: Record<string, unknown> };

type Delivery = { verification_token?: unknown; type?: unknown; workspace_id?: unknown; accessible_by?: unknown };

/**
 * Notion's webhook: the one-time verification request, then signed events. An event only says
 * that something changed, so it triggers an incremental sync of the connections that can see it;
 * the sync reads the truth from Notion. Answers at once: Notion retries slow endpoints.
 */
export async function handleNotionWebhook(db: Database, rawBody: string, signature: string | null): Promise<WebhookAnswer> {
  let delivery: Delivery;
  try {
    delivery = JSON.parse(rawBody) as Delivery;
  } catch {
    return { status: 400, body: { error: "The body is not JSON." } };
  }
  if (typeof delivery.verification_token === "string") {
    // Notion shows no token in its UI: the developer reads it here and pastes it back into Notion,
    // then sets it as NOTION_WEBHOOK_SECRET. Anyone can post here, so only a token-shaped value is echoed.
    const token = delivery.verification_token;
    if (!/^secret_[A-Za-z0-9_-]{1,200}$/.test(token)) return { status: 400, body: { error: "Not a verification token." } };
    log.warn({ verificationToken: reveal(token) }, "Notion webhook verification token received: paste it into Notion and set NOTION_WEBHOOK_SECRET to it");
    return { status: 200, body: { ok: true } };
  }
  const secret = env().webhookSecret;
  if (!secret) return { status: 503, body: { error: "Webhooks are not configured (NOTION_WEBHOOK_SECRET)." } };
  if (!(await verifyNotionSignature(rawBody, signature, secret))) {
    return { status: 401, body: { error: "The signature does not match." } };
  }
  if (typeof delivery.workspace_id !== "string") return { status: 200, body: { ok: true, synced: 0 } };

  const bots = Array.isArray(delivery.accessible_by)
    ? (delivery.accessible_by as Array<{ id?: unknown; type?: unknown }>).filter((a) => a.type === "bot").map((a) => String(a.id))
    : null;
  const workspaces = (await activeWorkspacesOfNotionWorkspace(db, delivery.workspace_id)).filter(
    (w) => !bots || bots.includes(w.botId),
  );
  for (const workspace of workspaces) void syncInBackground(db, workspace);
  return { status: 200, body: { ok: true, synced: workspaces.length } };
}
