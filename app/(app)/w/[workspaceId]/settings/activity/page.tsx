import { ArrowLeft, ArrowLeftToLine, ArrowRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { listAuditEvents } from "@/lib/audit/queries";
import { requireWorkspace } from "@/lib/auth/session";
import { ActivityList, NoActivity } from "./activity-list";

export const metadata: Metadata = { title: "Security activity" };

const PAGE_SIZE = 10;

// The cursor is an event id; anything else starts from the newest events.
const beforeSchema = z.coerce.number().int().positive().max(2 ** 31 - 1).optional().catch(undefined);

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<{ before?: string | string[] }>;
}) {
  const { user, workspace } = await requireWorkspace((await params).workspaceId);
  const before = beforeSchema.parse((await searchParams).before);
  const { events, nextCursor } = await listAuditEvents(await getDb(), user.id, { before, limit: PAGE_SIZE });
  const here = `/w/${workspace.id}/settings/activity`;

  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <div className="flex flex-col gap-2">
        <Button asChild variant="quiet" className="-ml-2 self-start">
          <Link href={`/w/${workspace.id}/settings`}>
            <ArrowLeft className="size-4" aria-hidden /> Settings
          </Link>
        </Button>
        <h1 className="text-2xl font-semibold tracking-tight">Security activity</h1>
        <p className="text-sm text-muted">
          Sign-ins and changes to your Notion connections, in all your workspaces. If you don&apos;t recognise something, sign
          out everywhere in Settings and disconnect the workspace. Addresses are kept only to their network (203.0.113.x).
        </p>
      </div>
      {events.length > 0 ? <ActivityList events={events} now={new Date()} /> : <NoActivity older={before !== undefined} />}
      {(before !== undefined || nextCursor !== null) && (
        <nav aria-label="Older and newer activity" className="flex flex-wrap items-center justify-between gap-2">
          {before !== undefined ? (
            <Button asChild>
              <Link href={here}>
                <ArrowLeftToLine className="size-4" aria-hidden /> Newest
              </Link>
            </Button>
          ) : (
            <span />
          )}
          {nextCursor !== null && (
            <Button asChild>
              <Link href={`${here}?before=${nextCursor}`}>
                Show older <ArrowRight className="size-4" aria-hidden />
              </Link>
            </Button>
          )}
        </nav>
      )}
    </div>
  );
}
