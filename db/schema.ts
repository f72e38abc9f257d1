import { sql } from "drizzle-orm";
import {
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
    syncCursor: timestamp("sync_cursor", { withTimezone: true, mode: "date" }),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true, mode: "date" }),
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

export type User = typeof users.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
