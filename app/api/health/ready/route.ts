import { readinessResponse } from "@/lib/health";
import { inRequestContext } from "@/lib/log";

export const dynamic = "force-dynamic";

export function GET() {
  return inRequestContext(readinessResponse);
}
