import { openApiDocument } from "@/lib/api/openapi";

import { env } from "@/lib/env";

// Public: the document describes the API, it grants nothing.
export function GET() {
  return Response.json(openApiDocument(env().nextAuthUrl), { headers: { "Cache-Control": "public, max-age=300" } });
}
export const dynamic = "force-dynamic";
