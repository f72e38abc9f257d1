import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { inRequestContext } from "@/lib/log";
import { rememberVisit } from "@/lib/workspaces/last-used";

export const dynamic = "force-dynamic";

// Called by the workspace layout once it is on screen (never by rendering or prefetching it).
export function POST(_request: Request, { params }: { params: Promise<{ workspaceId: string }> }) {
  return inRequestContext(async () => {
    const user = await currentUser();
    if (!user) return new Response(null, { status: 401 });
    const remembered = await rememberVisit(await getDb(), user.id, (await params).workspaceId);
    return new Response(null, { status: remembered ? 204 : 404, headers: { "cache-control": "no-store" } });
  });
}
