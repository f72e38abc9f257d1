import { getDb } from "@/db/client";
import { handleNotionWebhook } from "@/lib/bookmarks/webhooks";
import { inRequestContext } from "@/lib/log";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return inRequestContext(async () => {
    // The signature covers the raw bytes, so the body is read as text, never re-serialized.
    const answer = await handleNotionWebhook(await getDb(), await request.text(), request.headers.get("x-notion-signature"));
    return Response.json(answer.body, { status: answer.status });
  });
}
