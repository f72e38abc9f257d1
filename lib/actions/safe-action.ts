import "server-only";
import { z } from "zod";
import { getDb, type Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import { inRequestContext, log } from "@/lib/log";
import { fieldErrors } from "@/lib/validation";
import { AlreadySavedError, UserFacingError, type ErrorCode, type SavedBookmarkRef } from "@/lib/errors";
import { hit, LIMITS, slowDownMessage } from "@/lib/security/rate-limit";
import { findUserWorkspace } from "@/lib/workspaces/queries";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      code: ErrorCode;
      fieldErrors?: Record<string, string>;
      retryAfterSeconds?: number;
      /** With code "duplicate": the bookmark already saved. */
      existing?: SavedBookmarkRef;
    };

type UserContext<I> = { user: SessionUser; input: I; db: Database };
type WorkspaceContext<I> = UserContext<I> & { workspace: Workspace };

/**
 * Where the wrappers find the signed-in person and the database. The app uses the request's
 * next-auth session; the wrapper's own tests pass a chosen person, so they run in milliseconds.
 */
export type ActionSession = { currentUser: () => Promise<SessionUser | null>; database: () => Promise<Database> };

/**
 * The wrappers bound to one way of finding the session; `userAction` and `workspaceAction` below
 * are the ones bound to the request.
 */
export function actionWrappers(session: ActionSession) {
  /**
   * The one way to write a server action: it requires a session, counts against the person's
   * action limit, parses the input with its zod schema, and answers a plain result instead of
   * throwing at the client.
   */
  function userAction<S extends z.ZodType, T>(schema: S, run: (ctx: UserContext<z.output<S>>) => Promise<T>) {
    return async (raw: z.input<S>): Promise<ActionResult<T>> => inRequestContext(() => runAction(session, schema, run, raw));
  }

  /**
   * A userAction on one workspace, loaded through the signed-in user: another person's workspace id
   * answers exactly like an id that does not exist.
   */
  function workspaceAction<S extends z.ZodType<{ workspaceId: string }>, T>(schema: S, run: (ctx: WorkspaceContext<z.output<S>>) => Promise<T>) {
    return userAction(schema, async (ctx) => {
      const workspace = await findUserWorkspace(ctx.db, ctx.user.id, ctx.input.workspaceId);
      if (!workspace) throw new UserFacingError("This workspace was not found.", "not_found");
      return run({ ...ctx, workspace });
    });
  }

  return { userAction, workspaceAction };
}

async function runAction<S extends z.ZodType, T>(
  session: ActionSession,
  schema: S,
  run: (ctx: UserContext<z.output<S>>) => Promise<T>,
  raw: z.input<S>,
): Promise<ActionResult<T>> {
  const user = await session.currentUser();
  if (!user) return { ok: false, error: "Your session ended. Sign in again to continue.", code: "unauthenticated" };
  const db = await session.database();
  const limited = await hit(db, LIMITS.action(), user.id);
  if (!limited.allowed) {
    const { retryAfterSeconds } = limited;
    return { ok: false, error: slowDownMessage(retryAfterSeconds), code: "rate_limited", retryAfterSeconds };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: "Please check the highlighted fields.", code: "invalid", fieldErrors: fieldErrors(parsed.error) };
  }
  try {
    return { ok: true, data: await run({ user, input: parsed.data, db }) };
  } catch (error) {
    return describeFailure(error);
  }
}

export const { userAction, workspaceAction } = actionWrappers({ currentUser, database: getDb });

export const workspaceIdSchema = z.string().trim().min(1, "Choose a workspace.").max(100);

function describeFailure(error: unknown): ActionResult<never> {
  if (error instanceof AlreadySavedError) return { ok: false, error: error.message, code: error.code, existing: error.existing };
  if (error instanceof UserFacingError) return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
  log.error({ err: error }, "action failed");
  return { ok: false, error: "Something went wrong on our side. Nothing was changed; please try again.", code: "failed" };
}
