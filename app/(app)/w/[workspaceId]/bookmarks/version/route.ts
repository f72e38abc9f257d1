import { workspacePoll } from "@/lib/auth/workspace-poll";
import { listVersion } from "@/lib/bookmarks/service";

/** What an open dashboard polls: the list's version, a few bytes, so it re-renders only when something changed. */
export const GET = workspacePoll(async (owned) => ({ version: await listVersion(owned) }));
