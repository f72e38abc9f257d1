"use server";

import { z } from "zod";
import { workspaceAction, workspaceIdSchema } from "@/lib/actions/safe-action";
import { FILE_FORMATS } from "@/lib/bookmark-files/formats";
import { requestClientInfo } from "@/lib/audit/request";
import { cancelImport, pauseImport, previewImport, resumeImport, startImport } from "@/lib/imports/service";

const inWorkspace = z.object({ workspaceId: workspaceIdSchema });

export const previewImportAction = workspaceAction(
  inWorkspace.extend({
    file: z.instanceof(File, { message: "Choose a bookmarks file." }),
    folderTags: z.boolean({ error: "Choose whether folders become tags." }),
    // Absent: detected from the file.
    format: z.enum(FILE_FORMATS, { error: "Choose one of the formats listed." }).optional(),
  }),
  ({ db, workspace, user, input }) =>
    previewImport({ db, workspace, userId: user.id }, input.file, { folderTags: input.folderTags, format: input.format }),
);

const byJob = inWorkspace.extend({ jobId: z.string().trim().min(1, "Missing import id").max(100) });

export const startImportAction = workspaceAction(byJob, async ({ db, workspace, input }) =>
  startImport({ db, workspace }, input.jobId, await requestClientInfo()),
);
export const pauseImportAction = workspaceAction(byJob, ({ db, workspace, input }) => pauseImport({ db, workspace }, input.jobId));
export const resumeImportAction = workspaceAction(byJob, ({ db, workspace, input }) => resumeImport({ db, workspace }, input.jobId));
export const cancelImportAction = workspaceAction(byJob, ({ db, workspace, input }) => cancelImport({ db, workspace }, input.jobId));
