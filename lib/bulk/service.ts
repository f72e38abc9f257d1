import type { Database } from "@/db/client";
import type { BulkJob, Workspace } from "@/db/schema";
import { kickWorker } from "@/lib/bookmarks/worker";
import { UserFacingError } from "@/lib/errors";
import { findUserWorkspace, findWorkspace, listUserWorkspaces } from "@/lib/workspaces/queries";
import { countOverTagLimit, countSelection, findJob, insertJob, insertReverseJob, queueItems, recentJobs, settleJob, type Selection } from "./queries";
import { kickBulkRunner } from "./runner";
import { TAGS_MAX } from "./tags";

type Context = { db: Database; workspace: Workspace; userId: string };

/** Selections up to this size are queued at once, in the person's request; larger ones by the runner. */
export const INLINE_LIMIT = 50;

export type BulkRequest =
  | { action: "add_tags" | "remove_tags"; tags: string[]; selection: Selection }
  | { action: "trash" | "restore"; selection: Selection }
  | { action: "move"; targetWorkspaceId: string; selection: Selection };

/** A bulk job as the progress bar shows it. */
export type BulkJobView = {
  id: string;
  action: BulkJob["action"];
  tags: string[];
  targetName: string | null;
  status: BulkJob["status"];
  total: number;
  done: number;
  failed: number;
  unchanged: number;
  /** Items still to go (not yet in Notion). */
  remaining: number;
  /** The workspace's Notion access ended: the job waits until the person reconnects. */
  waitingForReconnect: boolean;
  /** Tag changes and trash can be reversed, once. */
  undoable: boolean;
  undoOf: string | null;
};

const REVERSE: Partial<Record<BulkJob["action"], BulkJob["action"]>> = {
  add_tags: "remove_tags",
  remove_tags: "add_tags",
  trash: "restore",
  restore: "trash",
};

async function moveTarget(ctx: Context, targetWorkspaceId: string): Promise<Workspace> {
  if (targetWorkspaceId === ctx.workspace.id) throw new UserFacingError("Choose another workspace to move the bookmarks to.", "invalid");
  const target = await findUserWorkspace(ctx.db, ctx.userId, targetWorkspaceId);
  if (!target) throw new UserFacingError("That workspace was not found.", "not_found");
  if (!target.dataSourceId) throw new UserFacingError(`Choose the Bookmarks database of ${target.name} first.`, "needs_setup");
  return target;
}

/**
 * Starts a bulk action over a selection, frozen now. Small selections are queued in this request,
 * so the list shows the change at once; larger ones are fed to the outbox by the bulk runner
 * within the workspace's Notion budget. A revoked workspace's job is kept and waits.
 */
export async function startBulkJob(ctx: Context, request: BulkRequest): Promise<BulkJobView> {
  const { db, workspace } = ctx;
  let params = {};
  if (request.action === "add_tags" || request.action === "remove_tags") params = { tags: request.tags };
  if (request.action === "move") params = { targetWorkspaceId: (await moveTarget(ctx, request.targetWorkspaceId)).id };
  if (request.action === "add_tags") {
    const over = await countOverTagLimit(db, workspace.id, request.selection, request.tags);
    if (over > 0) {
      throw new UserFacingError(
        `${over.toLocaleString("en-US")} of these bookmarks would have more than ${TAGS_MAX} tags, Notion's limit. Remove some of their tags first, or leave them out.`,
        "invalid",
        { tags: `At most ${TAGS_MAX} tags on a bookmark` },
      );
    }
  }
  if ((await countSelection(db, workspace.id, request.selection)) === 0) throw new UserFacingError("None of the selected bookmarks is here any more.", "not_found");
  const job = await insertJob(db, { workspaceId: workspace.id, userId: ctx.userId, action: request.action, params }, request.selection);
  return viewOf(db, await run(db, job));
}

async function run(db: Database, job: BulkJob): Promise<BulkJob> {
  if (job.total <= INLINE_LIMIT) {
    await queueItems(db, job.id, job.total);
    kickWorker();
    return settleJob(db, job.id);
  }
  kickBulkRunner();
  return job;
}

/**
 * Reverses a finished (or running: the rest is cancelled) tag change or trash: each bookmark loses
 * exactly the tags the job gave it, or comes back from the trash it was put in. Once per job.
 */
export async function reverseBulkJob(ctx: Context, jobId: string): Promise<BulkJobView> {
  const job = await findJob(ctx.db, ctx.workspace.id, jobId);
  if (!job) throw new UserFacingError("This bulk change was not found.", "not_found");
  const reverse = REVERSE[job.action];
  if (!reverse) throw new UserFacingError("Moving to another workspace can't be undone here; move the bookmarks back instead.", "invalid");
  if (job.undoneBy) throw new UserFacingError("This change was already undone.", "invalid");
  const undo = await insertReverseJob(ctx.db, job, reverse);
  if (!undo) throw new UserFacingError("This change was already undone.", "invalid");
  return viewOf(ctx.db, await run(ctx.db, undo));
}

/** The progress bars: running jobs, and jobs finished in the last ten minutes (for their Undo). */
export async function listBulkJobs(ctx: Omit<Context, "userId">): Promise<BulkJobView[]> {
  const jobs = await recentJobs(ctx.db, ctx.workspace.id, new Date(Date.now() - 10 * 60_000));
  return Promise.all(jobs.map((job) => viewOf(ctx.db, job)));
}

export async function bulkJobView(ctx: Omit<Context, "userId">, jobId: string): Promise<BulkJobView> {
  const job = await findJob(ctx.db, ctx.workspace.id, jobId);
  if (!job) throw new UserFacingError("This bulk change was not found.", "not_found");
  return viewOf(ctx.db, job);
}

/** How many bookmarks "Select all matching" would take. */
export const countMatching = (ctx: Omit<Context, "userId">, selection: Selection) => countSelection(ctx.db, ctx.workspace.id, selection);

async function viewOf(db: Database, job: BulkJob): Promise<BulkJobView> {
  const [workspace, target] = await Promise.all([
    findWorkspace(db, job.workspaceId),
    job.params.targetWorkspaceId ? findWorkspace(db, job.params.targetWorkspaceId) : null,
  ]);
  return {
    id: job.id,
    action: job.action,
    tags: job.params.tags ?? [],
    targetName: target?.name ?? null,
    status: job.status,
    total: job.total,
    done: job.done,
    failed: job.failed,
    unchanged: job.unchanged,
    remaining: job.total - job.done - job.failed - job.unchanged,
    waitingForReconnect: job.status === "running" && workspace?.status === "reconnect_required",
    undoable: Boolean(REVERSE[job.action]) && !job.undoneBy && (job.status === "running" || job.done > 0),
    undoOf: job.undoOf,
  };
}

/** Another workspace of the person a move can go to. */
export type MoveTarget = { id: string; name: string };

/** What the bulk bar polls: the progress bars, and the workspaces a move may go to. */
export async function bulkStatus(ctx: Context): Promise<{ jobs: BulkJobView[]; moveTargets: MoveTarget[] }> {
  const [jobs, others] = await Promise.all([listBulkJobs(ctx), listUserWorkspaces(ctx.db, ctx.userId)]);
  return { jobs, moveTargets: others.filter((w) => w.id !== ctx.workspace.id && w.status === "active").map((w) => ({ id: w.id, name: w.name ?? "Untitled workspace" })) };
}
