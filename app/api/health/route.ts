// The same answer as /api/health/ready, for the checks and docs that already use this path.
export { GET } from "./ready/route";

export const dynamic = "force-dynamic";
