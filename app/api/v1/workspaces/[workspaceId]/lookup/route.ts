import { apiPreflight, apiRoute } from "@/lib/api/handler";
import { lookupOp } from "@/lib/api/endpoints";

export const GET = apiRoute(lookupOp);
export const OPTIONS = apiPreflight(lookupOp);
