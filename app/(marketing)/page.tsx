import { redirect } from "next/navigation";
import { SignInButton } from "@/app/_components/sign-in-button";
import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { landingWorkspaceId } from "@/lib/workspaces/queries";

export default async function LandingPage() {
  const user = await currentUser();
  if (user) {
    const workspaceId = await landingWorkspaceId(await getDb(), user.id);
    if (workspaceId) redirect(`/w/${workspaceId}`);
  }
  return (
    <section className="mx-auto flex max-w-3xl flex-col items-start gap-6 px-4 py-20 sm:px-6 sm:py-28">
      <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">Your bookmarks, kept in Notion.</h1>
      <p className="max-w-2xl text-lg text-muted text-pretty">
        Shelf saves every link you want to keep — with its title, a note and tags — straight into a Bookmarks
        database in your own Notion workspace. Find anything again in a fast list, and never lose a saved link, even
        when Notion is slow.
      </p>
      <SignInButton>{user ? "Connect a Notion workspace" : "Sign in with Notion"}</SignInButton>
    </section>
  );
}
