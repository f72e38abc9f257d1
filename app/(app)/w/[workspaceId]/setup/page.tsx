import { CircleAlert } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireWorkspace } from "@/lib/auth/session";
import { setupOptions, type SetupOptions } from "@/lib/bookmarks/setup";
import { UserFacingError } from "@/lib/errors";
import { CreateDatabase } from "./create-database";
import { DatabaseChoice, type DatabaseOption } from "./database-choice";

export const metadata: Metadata = { title: "Choose your Bookmarks database" };

export default async function SetupPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspace } = await requireWorkspace((await params).workspaceId);
  let options: SetupOptions;
  try {
    options = await setupOptions({ db: await getDb(), workspace });
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    return (
      <div role="alert" className="flex max-w-xl flex-col gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Choose your Bookmarks database</h1>
        <p className="text-muted">{error.message}</p>
        <Link href={`/w/${workspace.id}/setup`} className="text-sm text-accent underline">
          Try again
        </Link>
      </div>
    );
  }

  const fitting = options.databases.filter((d) => d.analysis.fits && d.analysis.suggested);
  const unfit = options.databases.filter((d) => !d.analysis.fits);
  const gone = workspace.databaseId !== null;

  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Choose your Bookmarks database</h1>
        {gone ? (
          <p role="alert" className="flex gap-2 rounded-md bg-warn-bg p-3 text-sm text-warn-ink">
            <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            The database Shelf used was deleted, moved to the trash or is no longer shared with Shelf. Pick one below or
            create a new one; nothing in Notion is changed until you do.
          </p>
        ) : (
          <p className="text-muted">
            Shelf keeps each bookmark as a page in a Notion database. Pick one you shared with Shelf, or let Shelf
            create one.
          </p>
        )}
      </div>

      <section aria-labelledby="fitting-heading" className="flex flex-col gap-3">
        <h2 id="fitting-heading" className="font-medium">
          Databases shared with Shelf
        </h2>
        {fitting.length === 0 && (
          <p className="text-sm text-muted">None of the databases shared with Shelf has a title and a URL property.</p>
        )}
        <ul className="flex flex-col gap-3">
          {fitting.map((d) => {
            const option: DatabaseOption = {
              dataSourceId: d.dataSourceId,
              title: d.title,
              titleProperty: d.analysis.candidates.title,
              candidates: d.analysis.candidates,
              suggested: d.analysis.suggested!,
              ambiguous: d.analysis.ambiguous,
            };
            return (
              <Card as="li" padding="sm" key={d.dataSourceId}>
                <h3 className="mb-3 font-medium">{d.title}</h3>
                <DatabaseChoice workspaceId={workspace.id} option={option} />
              </Card>
            );
          })}
        </ul>
        {unfit.length > 0 && (
          <details className="text-sm text-muted">
            <summary className="cursor-pointer">
              {unfit.length} other {unfit.length === 1 ? "database doesn't" : "databases don't"} fit
            </summary>
            <ul className="mt-2 flex flex-col gap-1 pl-4">
              {unfit.map((d) => (
                <li key={d.dataSourceId}>
                  <span className="text-ink">{d.title}</span>: {d.analysis.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <Card as="section" padding="sm" aria-labelledby="create-heading" className="flex flex-col gap-3">
        <h2 id="create-heading" className="font-medium">
          Or create a new one
        </h2>
        <p className="text-sm text-muted">
          A database named Bookmarks with Name, URL, Description, Tags and Created, inside a page you shared with Shelf.
        </p>
        <CreateDatabase workspaceId={workspace.id} pages={options.parentPages} />
      </Card>
    </div>
  );
}
