import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true, mode: "date" })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** A Shelf person. One Notion person (owner.user.id) is one Shelf user across workspaces. */
export const users = pgTable("users", {
  id: id(),
  notionUserId: text("notion_user_id").notNull().unique(),
  name: text("name"),
  // Notion only sends the email with the "user information with email" capability, and two Notion
  // people may share one address, so it is neither required nor unique.
  email: text("email"),
  emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
  image: text("image"),
  lastWorkspaceId: text("last_workspace_id"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * next-auth's account link. Deliberately without token columns: the adapter writes every key of the
 * account whose column exists, and Notion tokens live encrypted in `workspaces` only.
 */
export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<"oauth" | "oidc" | "email" | "webauthn">().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_user_id_idx").on(t.userId)],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const workspaceStatus = pgEnum("workspace_status", [
  "active",
  "needs_setup",
  "reconnect_required",
  "disconnected",
]);

/** Which Notion property of the bookmarks data source holds each bookmark field. */
export type PropertyMap = {
  title: string;
  url: string;
  description: string | null;
  tags: string | null;
};

/** One Notion authorization (one bot) of one user. */
export const workspaces = pgTable(
  "workspaces",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    botId: text("bot_id").notNull(),
    notionWorkspaceId: text("notion_workspace_id").notNull(),
    name: text("name"),
    icon: text("icon"),
    ownerNotionUserId: text("owner_notion_user_id").notNull(),
    /** lib/crypto envelopes; null once disconnected. */
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    /** Bumped on every token change so a refresh can detect a concurrent one (compare-and-swap). */
    tokenVersion: integer("token_version").notNull().default(0),
    duplicatedTemplateId: text("duplicated_template_id"),
    databaseId: text("database_id"),
    dataSourceId: text("data_source_id"),
    propertyMap: jsonb("property_map").$type<PropertyMap>(),
    status: workspaceStatus("status").notNull().default("needs_setup"),
    /** Newest Notion last_edited_time the mirror has seen; incremental syncs start a margin before it. */
    syncCursor: timestamp("sync_cursor", { withTimezone: true, mode: "date" }),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true, mode: "date" }),
    lastFullSyncAt: timestamp("last_full_sync_at", { withTimezone: true, mode: "date" }),
    /** Rows read so far by a running first fill, for its progress bar; null when none runs. */
    syncProgress: integer("sync_progress"),
    /**
     * The next free slot of the workspace's Notion rate limit. Every instance reserves slots here,
     * so the limit holds across instances.
     */
    notionNextSlotAt: timestamp("notion_next_slot_at", { withTimezone: true, mode: "date" }),
    connectedAt: timestamp("connected_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("workspaces_bot_id_idx").on(t.botId),
    // The switcher lists a user's connected workspaces by name.
    index("workspaces_user_id_idx").on(t.userId, t.name),
    index("workspaces_active_idx").on(t.userId).where(sql`${t.status} <> 'disconnected'`),
  ],
);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const syncState = pgEnum("bookmark_sync_state", ["synced", "pending", "failed"]);

/**
 * The read mirror of each workspace's Notion bookmarks. `id` is Shelf's own, so a bookmark saved
 * while Notion is away has an identity before it has a Notion page.
 */
export const bookmarks = pgTable(
  "bookmarks",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    notionPageId: text("notion_page_id"),
    notionUrl: text("notion_url"),
    title: text("title").notNull(),
    url: text("url").notNull(),
    normalizedUrl: text("normalized_url").notNull(),
    description: text("description").notNull().default(""),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    createdTime: timestamp("created_time", { withTimezone: true, mode: "date" }).notNull(),
    lastEditedTime: timestamp("last_edited_time", { withTimezone: true, mode: "date" }).notNull(),
    inTrash: boolean("in_trash").notNull().default(false),
    syncState: syncState("sync_state").notNull().default("synced"),
    syncError: text("sync_error"),
    // Punctuation folded to spaces so "example.com/docs" finds "docs" and "example".
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('simple', regexp_replace(title || ' ' || url || ' ' || description, '[^[:alnum:]]+', ' ', 'g'))`,
    ),
  },
  (t) => [
    uniqueIndex("bookmarks_notion_page_idx").on(t.workspaceId, t.notionPageId),
    // One index per list order, each also serving keyset pagination on (key, id); "newest" scans
    // the created-time index backwards.
    index("bookmarks_created_idx").on(t.workspaceId, t.createdTime, t.id).where(sql`not ${t.inTrash}`),
    index("bookmarks_title_idx").on(t.workspaceId, sql`lower(${t.title})`, t.id).where(sql`not ${t.inTrash}`),
    index("bookmarks_tags_idx").using("gin", t.tags),
    index("bookmarks_search_idx").using("gin", t.search),
    // Duplicates, "already saved" and an import's known URLs all read the saved rows only. Partial,
    // the index holds every column those queries need, so counting a 100,000-bookmark workspace's
    // duplicates is an index-only scan, not a pass over the table (bench/scale.ts: 1.8 s → 0.3 s
    // beside a million other rows, on a loaded machine).
    index("bookmarks_saved_url_idx").on(t.workspaceId, t.normalizedUrl).where(sql`not ${t.inTrash}`),
  ],
);

export const writeKind = pgEnum("pending_write_kind", ["create", "update", "trash", "restore"]);
export const writeStatus = pgEnum("pending_write_status", ["pending", "parked"]);

/** What a create or update sends to Notion. */
export type WritePayload = { title: string; url: string; description: string; tags: string[] };

/**
 * The outbox: writes recorded with the mirror in one transaction and delivered to Notion by the
 * worker. Delivered writes are deleted; a write that keeps failing is parked for the person.
 */
export const pendingWrites = pgTable(
  "pending_writes",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    bookmarkId: text("bookmark_id")
      .notNull()
      .references(() => bookmarks.id, { onDelete: "cascade" }),
    kind: writeKind("kind").notNull(),
    payload: jsonb("payload").$type<WritePayload>(),
    status: writeStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** A claim is a lease: a worker that dies mid-delivery lets it lapse, and another resumes. */
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [
    index("pending_writes_due_idx").on(t.nextAttemptAt, t.id).where(sql`${t.status} = 'pending'`),
    index("pending_writes_bookmark_idx").on(t.bookmarkId, t.id),
    index("pending_writes_workspace_idx").on(t.workspaceId, t.status),
  ],
);

/**
 * Pages to read for a bookmark's empty title or description (lib/bookmarks/page-metadata.ts), in
 * Postgres so a restart keeps them and one instance reads each: claimed like the outbox, with a
 * lease another instance takes over. One per bookmark; `saved` holds what the fill may replace.
 */
export const pageFetches = pgTable(
  "page_fetches",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    bookmarkId: text("bookmark_id")
      .notNull()
      .references(() => bookmarks.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    /** The saved values of the fields to fill; null for a field the person typed. */
    savedTitle: text("saved_title"),
    savedDescription: text("saved_description"),
    /** 0 for a save (read first), 1 for an imported row. */
    priority: integer("priority").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("page_fetches_bookmark_idx").on(t.bookmarkId),
    index("page_fetches_due_idx").on(t.priority, t.nextAttemptAt, t.id),
    index("page_fetches_workspace_idx").on(t.workspaceId, t.priority),
  ],
);

/**
 * Fixed-window counters for abuse limits (sign-in attempts, server actions), in Postgres so every
 * instance counts against the same numbers.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limits_window_idx").on(t.windowStart)],
);

export const auditEventKind = pgEnum("audit_event_kind", [
  "sign_in",
  "workspace_connected",
  "workspace_reconnected",
  "workspace_disconnected",
  "token_refresh_failed",
  "signed_out_everywhere",
  "import_started",
  "api_token_created",
  "api_token_new_client",
  "api_token_revoked",
]);

/**
 * Security events of a person, shown to them in settings. Client info is coarse on purpose (an
 * address prefix and "Chrome on macOS"), enough to spot a stranger without keeping a fingerprint.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").references(() => workspaces.id, { onDelete: "set null" }),
    kind: auditEventKind("kind").notNull(),
    /** Small, non-secret facts for the screen, e.g. the workspace name or an import's file name. */
    detail: jsonb("detail").$type<Record<string, string | number>>(),
    ipPrefix: text("ip_prefix"),
    client: text("client"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_events_user_idx").on(t.userId, t.createdAt, t.id)],
);

export const importJobStatus = pgEnum("import_job_status", [
  "preview",
  "running",
  "paused",
  "cancelled",
  "completed",
]);

/**
 * One uploaded bookmark file. The file is parsed once, into import_items, at upload; the preview
 * and the job read those rows, so nothing is uploaded twice and a restart loses nothing.
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: importJobStatus("status").notNull().default("preview"),
    /** A FileFormat of lib/bookmark-files ("netscape", "pinboard-json", "instapaper-csv", …). */
    format: text("format").notNull(),
    fileName: text("file_name").notNull(),
    /**
     * Choices made at upload ({ folderTags }) and what reading the file found: the character set
     * it was decoded with and the other formats it could be read as ({ encoding, alternatives }).
     */
    options: jsonb("options").$type<Record<string, unknown>>().notNull().default({}),
    total: integer("total").notNull().default(0),
    done: integer("done").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    /** A runner's lease, as in pending_writes: a process that dies lets it lapse and another resumes. */
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("import_jobs_workspace_idx").on(t.workspaceId, t.createdAt),
    index("import_jobs_active_idx").on(t.status).where(sql`${t.status} = 'running'`),
  ],
);

export const importItemStatus = pgEnum("import_item_status", [
  "new",
  "existing",
  "duplicate",
  "invalid",
  "queued",
  "done",
  "failed",
]);

/** One row of an uploaded file, with what the preview decided about it and how delivery went. */
export const importItems = pgTable(
  "import_items",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    jobId: text("job_id")
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    /** Order in the file (0-based), and where it was, for the report of failed rows. */
    position: integer("position").notNull(),
    line: integer("line"),
    status: importItemStatus("status").notNull(),
    /** Why a row is invalid, or why its delivery failed. */
    reason: text("reason"),
    title: text("title").notNull().default(""),
    url: text("url").notNull(),
    normalizedUrl: text("normalized_url"),
    description: text("description").notNull().default(""),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** ADD_DATE or the file's created time, when it had one. */
    addedAt: timestamp("added_at", { withTimezone: true, mode: "date" }),
    /** The mirror row created for it, once handed to the outbox. */
    bookmarkId: text("bookmark_id").references(() => bookmarks.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("import_items_position_idx").on(t.jobId, t.position),
    index("import_items_status_idx").on(t.jobId, t.status, t.position),
  ],
);

export const bulkAction = pgEnum("bulk_action", ["add_tags", "remove_tags", "trash", "restore", "move"]);
export const bulkJobStatus = pgEnum("bulk_job_status", ["running", "cancelled", "completed"]);

/** What a bulk job was asked to do: the tags to add or remove, or the workspace to move to. */
export type BulkParams = { tags?: string[]; targetWorkspaceId?: string };

/**
 * A change to many bookmarks at once (docs/decisions/120). The bookmarks are resolved once, at
 * start, into bulk_items; the bulk runner turns them into outbox writes a bounded batch at a time,
 * marking each item in the transaction of its writes, so a restart resumes and repeats nothing.
 */
export const bulkJobs = pgTable(
  "bulk_jobs",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    action: bulkAction("action").notNull(),
    params: jsonb("params").$type<BulkParams>().notNull().default({}),
    status: bulkJobStatus("status").notNull().default("running"),
    total: integer("total").notNull().default(0),
    done: integer("done").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    /** Items that needed no change (the tag was already there, the bookmark already in the trash). */
    unchanged: integer("unchanged").notNull().default(0),
    /** The job this one reverses, and the job that reversed this one (undo). */
    undoOf: text("undo_of"),
    undoneBy: text("undone_by"),
    /** A runner's lease, as in import_jobs. */
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("bulk_jobs_workspace_idx").on(t.workspaceId, t.createdAt),
    index("bulk_jobs_running_idx").on(t.status).where(sql`${t.status} = 'running'`),
  ],
);

export const bulkItemStatus = pgEnum("bulk_item_status", ["new", "queued", "done", "failed", "unchanged"]);

/** One bookmark of a bulk job, with the outbox writes made for it and what it changed (for undo). */
export const bulkItems = pgTable(
  "bulk_items",
  {
    jobId: text("job_id")
      .notNull()
      .references(() => bulkJobs.id, { onDelete: "cascade" }),
    /** Order of the selection when it was resolved. */
    position: integer("position").notNull(),
    bookmarkId: text("bookmark_id")
      .notNull()
      .references(() => bookmarks.id, { onDelete: "cascade" }),
    status: bulkItemStatus("status").notNull().default("new"),
    /** For this item only, instead of the job's tags (an undo removes what each bookmark gained). */
    tags: text("tags").array(),
    /** The tags this item really added or removed: what an undo reverses. */
    appliedTags: text("applied_tags").array(),
    /** The pending_writes made for it; the item is done once they are all delivered. */
    writeIds: integer("write_ids").array(),
    reason: text("reason"),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.position] }),
    // A bookmark is in a job once, whatever the selection said.
    uniqueIndex("bulk_items_bookmark_idx").on(t.jobId, t.bookmarkId),
    index("bulk_items_status_idx").on(t.jobId, t.status, t.position),
    // Deleting a bookmark (a discarded create) finds its items without a scan.
    index("bulk_items_bookmark_only_idx").on(t.bookmarkId),
  ],
);

export type ApiPermission = "read" | "write";

/**
 * Personal API tokens (docs/decisions/027-rest-api-and-personal-tokens.md). Only the SHA-256 of the token is kept; the
 * token itself is shown once. A null workspace means every workspace of the person.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The first characters of the token ("shelf_AbC1"), so a person can tell tokens apart. */
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    permission: text("permission").$type<ApiPermission>().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    lastUsedClient: text("last_used_client"),
    /** Clients seen so far ("curl", "Chrome on macOS"), so a new one is recorded in security activity once. */
    clients: text("clients").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_tokens_secret_hash_idx").on(t.secretHash), index("api_tokens_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Idempotency-Key of API creates: a retried request with the same key answers with the bookmark
 * the first one made. `bookmarkId` is null while the first request is still running.
 */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    tokenId: text("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** SHA-256 of the request (workspace and body): the same key on another request is refused. */
    requestHash: text("request_hash").notNull(),
    bookmarkId: text("bookmark_id").references(() => bookmarks.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.key] }), index("api_idempotency_created_idx").on(t.createdAt)],
);

export type User = typeof users.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
export type BookmarkRow = typeof bookmarks.$inferSelect;
export type PendingWrite = typeof pendingWrites.$inferSelect;
export type PageFetch = typeof pageFetches.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type ImportJob = typeof importJobs.$inferSelect;
export type ImportItem = typeof importItems.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type BulkJob = typeof bulkJobs.$inferSelect;
export type BulkItem = typeof bulkItems.$inferSelect;
