import { readinessResponse } from "@/lib/health";
import { inRequestContext } from "@/lib/log";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return inRequestContext(() => readinessResponse(request));
}
