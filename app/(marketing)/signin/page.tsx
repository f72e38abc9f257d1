import { CircleAlert, Check, X } from "lucide-react";
import type { Metadata } from "next";
import { SignInButton } from "@/app/_components/sign-in-button";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

export const metadata: Metadata = { title: "Sign in" };

const WILL = [
  "Read and add pages in the Bookmarks database you share with it",
  "Update and move to trash the bookmarks you edit or remove in Shelf",
  "Know your name, avatar and email, to show who is signed in",
];
const WONT = [
  "See any page or database you did not share with it",
  "Share your data with anyone, or keep a copy of your pages beyond a fast list of your bookmarks",
];

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string | string[]; callbackUrl?: string | string[] }>;
}) {
  const { error, callbackUrl } = await searchParams;
  const message = signInErrorMessage(Array.isArray(error) ? error[0] : error);
  return (
    <section className="mx-auto flex max-w-lg flex-col gap-6 px-4 py-16 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Shelf</h1>
      {message && (
        <div role="alert" data-testid="signin-error" className="flex gap-3 rounded-md border border-line-strong bg-warn-bg p-3 text-sm text-warn-ink">
          <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p>{message}</p>
        </div>
      )}
      <p className="text-muted">
        Shelf signs you in with Notion. In Notion you choose the workspace, then either let Notion copy Shelf&apos;s
        Bookmarks template into it or pick the pages Shelf may use.
      </p>
      {/* Pages that need a session (/save) send people here with the way back in callbackUrl. */}
      <SignInButton callbackUrl={safeCallbackPath(callbackUrl)} />
      <div className="grid gap-4 text-sm sm:grid-cols-2">
        <div>
          <h2 className="mb-2 font-medium">Shelf will</h2>
          <ul className="space-y-2 text-muted">
            {WILL.map((item) => (
              <li key={item} className="flex gap-2">
                <Check className="mt-0.5 size-4 shrink-0 text-accent" aria-hidden />
                {item}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h2 className="mb-2 font-medium">Shelf will not</h2>
          <ul className="space-y-2 text-muted">
            {WONT.map((item) => (
              <li key={item} className="flex gap-2">
                <X className="mt-0.5 size-4 shrink-0" aria-hidden />
                {item}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
