"use server";

import { z } from "zod";
import { workspaceAction, workspaceIdSchema } from "@/lib/actions/safe-action";
import { chooseDatabase, createDatabase } from "@/lib/bookmarks/setup";

const notionId = (what: string) => z.string().trim().min(1, `Choose ${what}.`).max(100);
const propertyName = z.string().trim().min(1).max(200);

export const chooseDatabaseAction = workspaceAction(
  z.object({
    workspaceId: workspaceIdSchema,
    dataSourceId: notionId("a database"),
    propertyMap: z.object({
      title: propertyName,
      url: z.string({ error: "Choose the property that holds the web address." }).trim().min(1, "Choose the property that holds the web address.").max(200),
      description: propertyName.nullable(),
      tags: propertyName.nullable(),
      savedAt: propertyName.nullable().default(null),
    }),
    addSaved: z.boolean().default(false),
  }),
  async ({ db, workspace, input }) => {
    await chooseDatabase({ db, workspace }, input.dataSourceId, input.propertyMap, { addSaved: input.addSaved });
    return null;
  },
);

export const createDatabaseAction = workspaceAction(
  z.object({ workspaceId: workspaceIdSchema, parentPageId: notionId("a page to create the database in") }),
  async ({ db, workspace, input }) => {
    await createDatabase({ db, workspace }, input.parentPageId);
    return null;
  },
);
