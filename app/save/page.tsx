import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInButton } from "@/app/_components/sign-in-button";
import { StandalonePage } from "@/app/_components/standalone-page";
import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { listTags } from "@/lib/bookmarks/queries";
import { saveHref, sharedLink } from "@/lib/capture/shared-link";
import { landingWorkspaceId, listUserWorkspaces } from "@/lib/workspaces/queries";
import { SaveForm } from "./save-form";

export const metadata: Metadata = { title: "Save a bookmark" };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Save from anywhere: the bookmarklet's popup and the phone share sheet's target
 * (app/manifest.ts) land here with ?url=&title= (or ?text=). Signed out, it signs in and comes back.
 */
export default async function SavePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const here = saveHref(params);
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);

  const db = await getDb();
  const [workspaces, lastUsed] = await Promise.all([listUserWorkspaces(db, user.id), landingWorkspaceId(db, user.id)]);
  const tagOptions = Object.fromEntries(await Promise.all(workspaces.map(async (w) => [w.id, await listTags(db, w.id)] as const)));

  return (
    <StandalonePage title="Save to Shelf">
      {workspaces.length === 0 || !lastUsed ? (
        <div className="flex flex-col items-start gap-3 text-sm">
          <p className="text-muted">Connect a Notion workspace to save bookmarks into.</p>
          <SignInButton callbackUrl={here}>Connect a Notion workspace</SignInButton>
        </div>
      ) : (
        <SaveForm
          link={sharedLink(params)}
          workspaces={workspaces.map((w) => ({ id: w.id, name: w.name ?? "Untitled workspace", needsReconnect: w.status === "reconnect_required" }))}
          defaultWorkspaceId={lastUsed}
          tagOptions={tagOptions}
        />
      )}
    </StandalonePage>
  );
}
