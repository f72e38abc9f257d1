import { workspacePoll } from "@/lib/auth/workspace-poll";
import { bulkStatus } from "@/lib/bulk/service";

/** What the bulk bar polls: the workspace's running and recent bulk jobs, and where a move may go. */
export const GET = workspacePoll(bulkStatus);
