import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { OauthTokenResponse } from "@notionhq/client";
import { getServerSession, type AuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import { getDb, type Database } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { requestClientInfo } from "@/lib/audit/request";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { connectWorkspace, type NotionPerson } from "@/lib/workspaces/connect";
import { connectionFromTokens } from "./connection";
import { NotionProvider } from "./notion-provider";
import type { SignInError } from "./sign-in-errors";

const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

const signInErrorUrl = (error: SignInError) => `/signin?error=${error}`;

function adapter(db: Database): Adapter {
  const base = DrizzleAdapter(db as never, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  } as never) as Adapter;
  return {
    ...base,
    // A Shelf user is a Notion person; emails are optional and not unique, so never match by one.
    getUserByEmail: async () => null,
    // Users and account links are written by connectWorkspace (with the workspace, atomically)
    // in the signIn callback, so next-auth always finds the user by account afterwards.
    createUser: () => Promise.reject(new Error("Users are created by connectWorkspace")),
    linkAccount: () => Promise.reject(new Error("Accounts are linked by connectWorkspace")),
  };
}

export async function authOptions(): Promise<AuthOptions> {
  const db = await getDb();
  const options: AuthOptions = {
    adapter: adapter(db),
    providers: [NotionProvider()],
    secret: env().nextAuthSecret,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "notion" || !profile) return signInErrorUrl("Unknown");
        const signedIn = await getServerSession(options);
        try {
          const result = await connectWorkspace(db, {
            person: profile as unknown as NotionPerson,
            signedInUserId: signedIn?.user.id ?? null,
            connection: connectionFromTokens(account as unknown as OauthTokenResponse),
            // Recorded with the user and workspace, so a sign-in that fails records nothing.
            client: await requestClientInfo(),
          });
          return result.ok ? true : signInErrorUrl("AccountLinkedToAnotherUser");
        } catch (error) {
          log.error({ err: error }, "saving the Notion workspace failed");
          return signInErrorUrl("WorkspaceNotSaved");
        }
      },
      session({ session, user }) {
        // Only what the UI shows: never tokens, never the Notion ids.
        return { expires: session.expires, user: { id: user.id, name: user.name ?? null, image: user.image ?? null } };
      },
      redirect({ url, baseUrl }) {
        if (url.startsWith("/")) return `${baseUrl}${url}`;
        return new URL(url).origin === baseUrl ? url : baseUrl;
      },
    },
    logger: {
      // next-auth's metadata can hold the token answer; log codes and messages only.
      error: (code, metadata) => {
        const message = metadata instanceof Error ? metadata.message : (metadata as { error?: Error })?.error?.message;
        log.error({ nextAuthCode: code, error: message }, "next-auth error");
      },
      warn: (code) => log.warn({ nextAuthCode: code }, "next-auth warning"),
      debug: () => {},
    },
  };
  return options;
}
