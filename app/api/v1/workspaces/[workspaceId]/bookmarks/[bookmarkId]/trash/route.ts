import { apiPreflight, apiRoute } from "@/lib/api/handler";
import { trashBookmarkOp } from "@/lib/api/endpoints";

export const POST = apiRoute(trashBookmarkOp);
export const OPTIONS = apiPreflight(trashBookmarkOp);
