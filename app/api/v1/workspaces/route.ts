import { apiPreflight, apiRoute } from "@/lib/api/handler";
import { listWorkspacesOp } from "@/lib/api/endpoints";

export const GET = apiRoute(listWorkspacesOp);
export const OPTIONS = apiPreflight(listWorkspacesOp);
