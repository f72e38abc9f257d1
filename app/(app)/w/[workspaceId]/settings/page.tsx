import { ArrowRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { WorkspaceIcon } from "@/app/_components/workspace-icon";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { describeToken } from "@/lib/api-tokens/describe";
import { listApiTokens } from "@/lib/api-tokens/service";
import { requireWorkspace } from "@/lib/auth/session";
import { listUserWorkspaces } from "@/lib/workspaces/queries";
import { ApiTokens } from "./api-tokens";
import { ContentSetting } from "./content-setting";
import { DisconnectDialog } from "./disconnect-dialog";
import { ResyncDialog } from "./resync-dialog";
import { SessionControls } from "./session-controls";

export const metadata: Metadata = { title: "Settings" };

const STATUS_LABELS = {
  active: "Connected",
  needs_setup: "Connected — Bookmarks database not chosen yet",
  reconnect_required: "Needs reconnecting",
  disconnected: "Disconnected",
} as const;

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function SettingsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { user, workspace } = await requireWorkspace((await params).workspaceId);
  const name = workspace.name ?? "Untitled workspace";
  const db = await getDb();
  const [tokens, workspaces] = await Promise.all([listApiTokens(db, user.id), listUserWorkspaces(db, user.id)]);
  const now = new Date();
  return (
    <div className="flex max-w-2xl flex-col gap-8">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <Card as="section" aria-labelledby="workspace-heading">
        <h2 id="workspace-heading" className="flex items-center gap-2 font-medium">
          <WorkspaceIcon icon={workspace.icon} name={workspace.name} /> {name}
        </h2>
        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted">Status</dt>
          <dd data-testid="workspace-status">{STATUS_LABELS[workspace.status]}</dd>
          <dt className="text-muted">Connected</dt>
          <dd>{dateFormat.format(workspace.connectedAt)} UTC</dd>
          <dt className="text-muted">Notion workspace ID</dt>
          <dd className="break-all font-mono text-xs leading-5">{workspace.notionWorkspaceId}</dd>
        </dl>
        {workspace.status === "active" && (
          <div className="mt-5 flex flex-col gap-2 border-t border-line pt-4 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-sm text-muted">Shelf keeps up with Notion by itself; resync reads every page again.</p>
            <ResyncDialog workspaceId={workspace.id} />
          </div>
        )}
        <div className="mt-5 border-t border-line pt-4">
          <DisconnectDialog workspaceId={workspace.id} name={name} />
        </div>
      </Card>
      <Card as="section" aria-labelledby="content-heading">
        <h2 id="content-heading" className="font-medium">
          Readable content
        </h2>
        <p className="mb-4 mt-1 text-sm text-muted">
          Shelf can keep the page, not just the link: the article&apos;s text becomes the body of its Notion page, so it stays when the
          site is gone and search finds what was inside. Each bookmark&apos;s menu also has Save content now and Refresh content.
        </p>
        <ContentSetting workspaceId={workspace.id} mode={workspace.contentMode} />
      </Card>
      <Card as="section" aria-labelledby="session-heading">
        <h2 id="session-heading" className="font-medium">
          Your sessions
        </h2>
        <p className="mb-4 mt-1 text-sm text-muted">Sign out here, or on every device where you are signed in to Shelf.</p>
        <SessionControls />
      </Card>
      <Card as="section" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="font-medium">
          API tokens
        </h2>
        <p className="mb-4 mt-1 text-sm text-muted">
          For scripts, iOS Shortcuts and the browser extension: see the{" "}
          <Link href="/docs/api" className="underline underline-offset-2">
            API reference
          </Link>
          . A token works only with the API, never to sign in here. Revoke one you no longer use.
        </p>
        <ApiTokens
          tokens={tokens.map((token) => describeToken(token, now))}
          workspaces={workspaces.map((w) => ({ id: w.id, name: w.name ?? "Untitled workspace" }))}
          currentWorkspaceId={workspace.id}
        />
      </Card>
      <Card as="section" aria-labelledby="activity-heading">
        <h2 id="activity-heading" className="font-medium">
          Security activity
        </h2>
        <p className="mb-4 mt-1 text-sm text-muted">
          When you signed in, when workspaces were connected, reconnected or disconnected, and when API tokens were created,
          used from a new client or revoked, from which browser.
        </p>
        <Button asChild>
          <Link href={`/w/${workspace.id}/settings/activity`}>
            View security activity <ArrowRight className="size-4" aria-hidden />
          </Link>
        </Button>
      </Card>
    </div>
  );
}
