import { sql } from "drizzle-orm";
import {
  bigint,
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
  /** A date property (with time) holding when the bookmark was saved; absent in maps stored before it existed. */
  savedAt?: string | null;
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
    /** Readable content into each page's body: off, new saves, or new saves and imports (lib/content). */
    contentMode: text("content_mode").$type<"off" | "saves" | "saves_and_imports">().notNull().default("off"),
    /** Newest Notion last_edited_time the mirror has seen; incremental syncs start a margin before it. */
    syncCursor: timestamp("sync_cursor", { withTimezone: true, mode: "date" }),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true, mode: "date" }),
    lastFullSyncAt: timestamp("last_full_sync_at", { withTimezone: true, mode: "date" }),
    /** Rows read so far by a running first fill, for its progress bar; null when none runs. */
    syncProgress: integer("sync_progress"),
    /**
     * Background syncs failed in a row, and until when the next one waits (lib/bookmarks/sync.ts):
     * on the row, so every instance and bundle holds back, not only the one that saw the failure.
     */
    syncFailures: integer("sync_failures").notNull().default(0),
    syncRetryAt: timestamp("sync_retry_at", { withTimezone: true, mode: "date" }),
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
    /** When it was saved, to the millisecond: the Saved property when mapped, else Notion's created time. */
    savedAt: timestamp("saved_at", { withTimezone: true, mode: "date" }).notNull(),
    /** Insert order, the tie-breaker of rows saved at the same instant (docs/decisions/030). */
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    inTrash: boolean("in_trash").notNull().default(false),
    syncState: syncState("sync_state").notNull().default("synced"),
    syncError: text("sync_error"),
    // Punctuation folded to spaces so "example.com/docs" finds "docs" and "example" (the host is
    // part of the URL). Tags through bookmark_tags_text, an immutable array_to_string (a generated
    // column may only call immutable functions; array_to_string is stable), made by a migration.
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('simple', regexp_replace(title || ' ' || url || ' ' || description || ' ' || bookmark_tags_text(tags), '[^[:alnum:]]+', ' ', 'g'))`,
    ),
    /**
     * The saved article's words (lib/content, docs/decisions/035): title weighted A, body B, set when
     * the content is written. Here, not in bookmark_contents, so one scan of this table can use either
     * GIN index (a bitmap OR) or walk a list order and filter, as the planner likes.
     */
    contentSearch: tsvector("content_search"),
  },
  (t) => [
    uniqueIndex("bookmarks_notion_page_idx").on(t.workspaceId, t.notionPageId),
    // One index per list order, each also serving keyset pagination on (key, tie-breaker);
    // "newest" scans the saved-at index backwards.
    index("bookmarks_saved_idx").on(t.workspaceId, t.savedAt, t.seq).where(sql`not ${t.inTrash}`),
    index("bookmarks_title_idx").on(t.workspaceId, sql`lower(${t.title})`, t.id).where(sql`not ${t.inTrash}`),
    index("bookmarks_tags_idx").using("gin", t.tags),
    index("bookmarks_search_idx").using("gin", t.search),
    index("bookmarks_content_search_idx").using("gin", t.contentSearch),
    // Duplicates, "already saved" and an import's known URLs all read the saved rows only. Partial,
    // the index holds every column those queries need, so counting a 100,000-bookmark workspace's
    // duplicates is an index-only scan, not a pass over the table (bench/scale.ts: 1.8 s → 0.3 s
    // beside a million other rows, on a loaded machine).
    index("bookmarks_saved_url_idx").on(t.workspaceId, t.normalizedUrl).where(sql`not ${t.inTrash}`),
  ],
);

/**
 * How many saved (not trashed) bookmarks of a workspace carry each normalized URL, kept by
 * statement triggers on bookmarks (made by the migration that made this table). Duplicates read
 * the few URLs with more than one copy through the partial index instead of grouping every saved
 * row (bench/scale.ts; docs/decisions/038).
 */
export const bookmarkUrlCounts = pgTable(
  "bookmark_url_counts",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    normalizedUrl: text("normalized_url").notNull(),
    copies: integer("copies").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.normalizedUrl] }),
    index("bookmark_url_counts_repeated_idx").on(t.workspaceId, t.normalizedUrl, t.copies).where(sql`${t.copies} > 1`),
  ],
);

export const writeKind = pgEnum("pending_write_kind", ["create", "update", "trash", "restore"]);
export const writeStatus = pgEnum("pending_write_status", ["pending", "parked"]);

/**
 * What a create or update sends to Notion. `images` (an update only): the page's icon and cover as
 * external URLs, found on the bookmarked page (lib/bookmarks/page-images.ts).
 */
export type WritePayload = {
  title: string;
  url: string;
  description: string;
  tags: string[];
  /** ISO 8601 to the millisecond; only creates carry it (written to the Saved property when mapped). */
  savedAt?: string;
  images?: { icon?: string; cover?: string };
};

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

export const contentStatus = pgEnum("bookmark_content_status", ["queued", "writing", "done", "refused", "failed", "conflict"]);

/**
 * A bookmark's readable content (lib/content, docs/decisions/035): the job that writes it into the
 * Notion page's body chunk by chunk (claimed by lease like page_fetches, progress per chunk so a
 * retry never appends twice), then what was written — the text for search and the reader view,
 * the ids of the blocks, to replace them on refresh. One row per bookmark, kept after the job.
 */
export const bookmarkContents = pgTable(
  "bookmark_contents",
  {
    bookmarkId: text("bookmark_id")
      .primaryKey()
      .references(() => bookmarks.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    status: contentStatus("status").notNull().default("queued"),
    /** Why there is no content (a refusal, a failure, a body edited in Notion), in words. */
    reason: text("reason"),
    /** Replace the body even though it was edited in Notion: the person confirmed it. */
    replaceEdited: boolean("replace_edited").notNull().default(false),
    /** 0 asked for by the person, 1 a new save, 2 an import. */
    priority: integer("priority").notNull().default(1),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** The claim's lease; its value is also the fencing token of every progress update. */
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    capturedAt: timestamp("captured_at", { withTimezone: true, mode: "date" }),
    /** The article's title, byline, site, time and lead image (lib/reader Article without blocks and text). */
    meta: jsonb("meta").$type<{ title: string; byline: string | null; siteName: string | null; publishedTime: string | null; leadImage: string | null; url: string }>(),
    /** The article's words, at most 100 KB. */
    text: text("text"),
    /**
     * The article as the reader view shows it (lib/reader ArticleBlock[]: text, marks and vetted
     * addresses, never HTML), cut where `text` is cut.
     */
    blocks: jsonb("blocks").$type<unknown[]>(),
    /** The append requests still to send (lib/notion/blocks chunkBlocks), frozen so every retry sends the same. */
    chunks: jsonb("chunks").$type<unknown[][]>(),
    chunksDone: integer("chunks_done").notNull().default(0),
    /** True while chunk `chunks_done` may have reached Notion without its answer reaching Shelf. */
    inDoubt: boolean("in_doubt").notNull().default(false),
    /** Top-level block ids written, per chunk; on refresh, the blocks to delete first. */
    writtenIds: jsonb("written_ids").$type<string[][]>().notNull().default(sql`'[]'::jsonb`),
    /** Blocks of the previous body still to delete before a refresh writes. */
    replacingIds: jsonb("replacing_ids").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** When the body was complete; a block edited after this was changed in Notion. */
    writtenAt: timestamp("written_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("bookmark_contents_due_idx").on(t.priority, t.nextAttemptAt).where(sql`${t.status} in ('queued', 'writing')`),
    index("bookmark_contents_workspace_idx").on(t.workspaceId, t.status),
  ],
);

export type BookmarkContent = typeof bookmarkContents.$inferSelect;

/**
 * Fixed-window counters for abuse limits (sign-in attempts, server actions), in Postgres so every
 * instance counts against the same numbers.
 */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Site icons (one per host) and preview images (one per normalized URL), re-encoded by Shelf and
 * served from its own origin (docs/decisions/036). A failed fetch is a row too, with its reason
 * and no bytes, so the same broken icon is not asked for on every save.
 */
export const linkImages = pgTable(
  "link_images",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    kind: text("kind").$type<"icon" | "preview">().notNull(),
    /** The host for an icon, the normalized URL for a preview. */
    key: text("key").notNull(),
    /** Where the bytes came from (after redirects); Notion's page icon and cover when it is public https. */
    sourceUrl: text("source_url"),
    contentType: text("content_type"),
    bytes: bytea("bytes"),
    width: integer("width"),
    height: integer("height"),
    /** First hex digits of the bytes' SHA-256: the served URL changes with them, so it may be cached forever. */
    digest: text("digest"),
    failure: text("failure"),
    fetchedAt: timestamp("fetched_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("link_images_key_idx").on(t.kind, t.key)],
);

/** Which icon and preview a bookmark shows; the serving route's owner check goes through here. */
export const bookmarkImages = pgTable(
  "bookmark_images",
  {
    bookmarkId: text("bookmark_id")
      .primaryKey()
      .references(() => bookmarks.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    iconId: integer("icon_id").references(() => linkImages.id, { onDelete: "set null" }),
    previewId: integer("preview_id").references(() => linkImages.id, { onDelete: "set null" }),
  },
  (t) => [index("bookmark_images_icon_idx").on(t.iconId, t.workspaceId), index("bookmark_images_preview_idx").on(t.previewId, t.workspaceId)],
);

export type LinkImage = typeof linkImages.$inferSelect;

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
 * A change to many bookmarks at once (docs/decisions/031). The bookmarks are resolved once, at
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
 * "Connect with Shelf" from the browser extension (docs/decisions/029-extension-connects-itself.md):
 * the person confirms a request named by the SHA-256 of a secret only the extension holds; the
 * extension then redeems that secret once for a new API token. Nothing here is a credential.
 */
export const extensionGrants = pgTable(
  "extension_grants",
  {
    /** base64url SHA-256 of the extension's verifier. */
    challenge: text("challenge").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The one workspace the token may use; null for all of the person's. */
    workspaceId: text("workspace_id").references(() => workspaces.id, { onDelete: "cascade" }),
    /** The token's name, e.g. "Shelf extension (Chrome on Linux)". */
    name: text("name").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    redeemedAt: timestamp("redeemed_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
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
export type ExtensionGrant = typeof extensionGrants.$inferSelect;
export type BulkJob = typeof bulkJobs.$inferSelect;
export type BulkItem = typeof bulkItems.$inferSelect;
