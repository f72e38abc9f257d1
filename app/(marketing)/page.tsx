import { redirect } from "next/navigation";
import { SignInButton } from "@/app/_components/sign-in-button";
import { getDb } from "@/db/client";
import dashboardDark from "@/docs/screenshots/dashboard-dark.png";
import dashboardLight from "@/docs/screenshots/dashboard-light.png";
import { currentUser } from "@/lib/auth/session";
import { landingWorkspaceId } from "@/lib/workspaces/queries";

export default async function LandingPage() {
  const user = await currentUser();
  if (user) {
    const workspaceId = await landingWorkspaceId(await getDb(), user.id);
    if (workspaceId) redirect(`/w/${workspaceId}`);
  }
  return (
    <>
      <section className="mx-auto flex max-w-3xl flex-col items-start gap-6 px-4 pb-10 pt-16 sm:px-6 sm:pt-24">
        <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">Your bookmarks, kept in Notion.</h1>
        <p className="max-w-2xl text-lg text-muted text-pretty">
          Shelf saves every link you want to keep — with its title, a note and tags — straight into a Bookmarks
          database in your own Notion workspace. Find anything again in a fast list, and never lose a saved link, even
          when Notion is slow.
        </p>
        <SignInButton>{user ? "Connect a Notion workspace" : "Sign in with Notion"}</SignInButton>
      </section>
      {/* The real dashboard, as the e2e suite photographs it (e2e/bookmarks.spec.ts writes these files). */}
      <figure className="mx-auto max-w-5xl px-4 pb-20 sm:px-6">
        <picture>
          <source media="(prefers-color-scheme: dark)" srcSet={dashboardDark.src} />
          <img
            src={dashboardLight.src}
            width={dashboardLight.width}
            height={dashboardLight.height}
            alt="Shelf's bookmarks dashboard: saved links with their sites, tags and dates, a search box and a Paste a link bar."
            className="h-auto w-full rounded-lg border border-line shadow-lg"
          />
        </picture>
        <figcaption className="mt-3 text-center text-sm text-muted">Every bookmark is a page in your own Notion database.</figcaption>
      </figure>
    </>
  );
}
