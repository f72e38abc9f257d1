import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@/db/client";
import { handleNotionWebhook } from "@/lib/bookmarks/webhooks";
import type { SandboxAdmin } from "@/notion-sandbox";

/** Shelf's webhook route in front of the handler it calls, subscribed in the sandbox as in Notion. */
export async function startWebhookReceiver(db: Database, admin: SandboxAdmin, verificationToken: string) {
  const receiver = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const answer = await handleNotionWebhook(db, body, (req.headers["x-notion-signature"] as string | undefined) ?? null);
    res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/notion/webhook`;
  const subscription = await admin.subscribeWebhook(url, { verificationToken });
  return {
    subscriptionId: subscription.subscription_id,
    async close() {
      await admin.unsubscribeWebhook(subscription.subscription_id);
      receiver.close();
    },
  };
}
