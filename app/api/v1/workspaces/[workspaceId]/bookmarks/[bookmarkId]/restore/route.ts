import { apiPreflight, apiRoute } from "@/lib/api/handler";
import { restoreBookmarkOp } from "@/lib/api/endpoints";

export const POST = apiRoute(restoreBookmarkOp);
export const OPTIONS = apiPreflight(restoreBookmarkOp);
