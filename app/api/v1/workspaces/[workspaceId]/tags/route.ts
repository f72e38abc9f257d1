import { apiPreflight, apiRoute } from "@/lib/api/handler";
import { listTagsOp } from "@/lib/api/endpoints";

export const GET = apiRoute(listTagsOp);
export const OPTIONS = apiPreflight(listTagsOp);
