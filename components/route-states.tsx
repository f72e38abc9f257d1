"use client";

import { CircleAlert, FileQuestion } from "lucide-react";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Inside a workspace the way back is its bookmarks; elsewhere, Shelf's front door. */
function useWayBack(): { href: string; label: string } {
  const { workspaceId } = useParams<{ workspaceId?: string }>();
  return workspaceId ? { href: `/w/${workspaceId}/bookmarks`, label: "Back to bookmarks" } : { href: "/", label: "Go to Shelf" };
}

export type RouteErrorProps = { error: Error & { digest?: string }; reset: () => void };

/**
 * A screen that failed unexpectedly (the expected failures, Notion being down or a database gone,
 * have screens of their own). The digest ties what the person sees to the server's log line.
 */
export function RouteError({ error, reset, what }: RouteErrorProps & { what: string }) {
  const back = useWayBack();
  useEffect(() => console.error(error), [error]);
  return (
    <EmptyState
      icon={CircleAlert}
      title={`${what} could not be shown`}
      titleAs="h1"
      titleId="route-error-title"
      tone="plain"
      role="alert"
      data-testid="route-error"
      className="mx-auto mt-6 w-full max-w-md"
      action={
        <>
          <Button variant="primary" onClick={reset}>
            Try again
          </Button>
          <Button asChild>
            <Link href={back.href}>{back.label}</Link>
          </Button>
        </>
      }
    >
      <p>Something went wrong on Shelf&apos;s side; nothing you saved is lost.</p>
      {error.digest && <p className="mt-1 text-xs">Reference: {error.digest}</p>}
    </EmptyState>
  );
}

/** What notFound() shows inside a segment: the page, or someone else's item, is not there. */
export function RouteNotFound({ what = "This page" }: { what?: string }) {
  const back = useWayBack();
  return (
    <EmptyState
      icon={FileQuestion}
      title="Page not found"
      titleAs="h1"
      titleId="route-not-found-title"
      tone="plain"
      className="mx-auto mt-6 w-full max-w-md"
      action={
        <Button asChild>
          <Link href={back.href}>{back.label}</Link>
        </Button>
      }
    >
      <p>{what} does not exist, or it belongs to someone else.</p>
    </EmptyState>
  );
}
