export const dynamic = "force-dynamic";

// Liveness: the process answers. Deliberately touches nothing else, so a database outage makes
// instances unready (taken out of rotation), not dead (restarted).
export function GET() {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
