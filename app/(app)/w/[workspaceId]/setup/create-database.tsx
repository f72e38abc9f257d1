"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { createDatabaseAction } from "./actions";

export function CreateDatabase({ workspaceId, pages }: { workspaceId: string; pages: Array<{ id: string; title: string }> }) {
  const [parentPageId, setParentPageId] = useState(pages[0]?.id ?? "");
  const [pending, start] = useTransition();
  const router = useRouter();

  if (pages.length === 0) {
    return (
      <p className="text-sm text-muted">
        Shelf can&apos;t see any page to create a database in. In Notion, share a page with Shelf (••• → Connections),
        then reload this page.
      </p>
    );
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    start(async () => {
      const result = await createDatabaseAction({ workspaceId, parentPageId });
      if (!result.ok) return void toast.error(result.error);
      toast.success("Created a Bookmarks database in Notion.");
      router.push(`/w/${workspaceId}/bookmarks`);
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <div className="flex min-w-60 flex-1 flex-col gap-1">
        <label htmlFor="parent-page" className="text-xs font-medium text-muted">
          Create it inside
        </label>
        <select
          id="parent-page"
          className="w-full rounded-md border border-line-strong bg-raised px-2 py-1.5 text-sm"
          value={parentPageId}
          onChange={(e) => setParentPageId(e.target.value)}
        >
          {pages.map((page) => (
            <option key={page.id} value={page.id}>
              {page.title}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit"  disabled={pending}>
        {pending ? "Creating…" : "Create a Bookmarks database"}
      </Button>
    </form>
  );
}
