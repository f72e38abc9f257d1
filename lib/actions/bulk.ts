"use server";

import { z } from "zod";
import { workspaceAction, workspaceIdSchema } from "@/lib/actions/safe-action";
import { bulkRequestSchema, selectionSchema } from "@/lib/bulk/schema";
import { countMatching, reverseBulkJob, startBulkJob } from "@/lib/bulk/service";

const inWorkspace = z.object({ workspaceId: workspaceIdSchema });

/** Add or remove tags, trash, restore or move a selection (a bulk job; small ones are queued at once). */
export const startBulkJobAction = workspaceAction(inWorkspace.and(bulkRequestSchema), ({ db, workspace, user, input }) =>
  startBulkJob({ db, workspace, userId: user.id }, input),
);

/** Reverses a bulk tag change or trash (the progress bar's Undo and Ctrl/⌘+Z, one undo entry). */
export const undoBulkJob = workspaceAction(inWorkspace.extend({ jobId: z.string().trim().min(1, "Missing job id").max(100) }), ({ db, workspace, user, input }) =>
  reverseBulkJob({ db, workspace, userId: user.id }, input.jobId),
);

/** How many bookmarks "Select all matching" takes. */
export const countMatchingAction = workspaceAction(inWorkspace.extend({ selection: selectionSchema }), ({ db, workspace, input }) =>
  countMatching({ db, workspace }, input.selection),
);
