import { getDb } from "@/db/client";
import { redeemExtensionTokenRequest } from "@/lib/api/extension-token";
import { preflight } from "@/lib/api/cors";

export async function POST(request: Request): Promise<Response> {
  return redeemExtensionTokenRequest(request, await getDb());
}

export async function OPTIONS(request: Request): Promise<Response> {
  return preflight(request, ["POST"]);
}
