import { apiPreflight, apiRoute } from "@/lib/api/handler";
import { listBookmarksOp, createBookmarkOp } from "@/lib/api/endpoints";

export const GET = apiRoute(listBookmarksOp);
export const POST = apiRoute(createBookmarkOp);
export const OPTIONS = apiPreflight(listBookmarksOp, createBookmarkOp);
