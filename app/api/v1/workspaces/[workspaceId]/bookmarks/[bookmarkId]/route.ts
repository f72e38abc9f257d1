import { apiPreflight, apiRoute } from "@/lib/api/handler";
import { getBookmarkOp, updateBookmarkOp } from "@/lib/api/endpoints";

export const GET = apiRoute(getBookmarkOp);
export const PATCH = apiRoute(updateBookmarkOp);
export const OPTIONS = apiPreflight(getBookmarkOp, updateBookmarkOp);
