"use client";

import { CloudOff } from "lucide-react";
import type { DeliveryTrouble } from "@/lib/bookmarks/view-queries";
import { useNow } from "./sync-status";

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/**
 * Said as soon as Notion fails a change, not when the row finally gives up: what went wrong, how
 * much is waiting, and when Shelf tries again. Nothing is lost; it clears when Notion takes them.
 */
export function NotionTrouble({ trouble }: { trouble: DeliveryTrouble | null }) {
  const now = useNow();
  if (!trouble) return null;
  const changes = trouble.waiting === 1 ? "1 change is" : `${trouble.waiting.toLocaleString("en")} changes are`;
  const at = Date.parse(trouble.nextAttemptAt);
  // The time is the reader's own clock, so it is written only in the browser (the server has no time zone for them).
  const when = now === null ? "soon" : at <= now + 45_000 ? "in a moment" : `at ${clock.format(at)}`;
  return (
    <div role="alert" data-testid="notion-trouble" className="flex items-start gap-2 rounded-md bg-warn-bg px-3 py-2 text-sm text-warn-ink">
      <CloudOff className="mt-0.5 size-4 shrink-0" aria-hidden />
      <p>
        <span className="font-medium">Notion isn&apos;t taking changes right now</span> ({trouble.cause}). {changes} waiting in
        Shelf and will be sent {when}.
      </p>
    </div>
  );
}
