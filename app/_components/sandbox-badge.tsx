import { env } from "@/lib/env";

/** Says plainly when Shelf talks to the local Notion sandbox rather than to Notion. */
export function SandboxBadge() {
  if (!env().notionIsSandbox) return null;
  return (
    <span
      className="rounded-full border border-line-strong bg-warn-bg px-2 py-0.5 text-xs font-medium text-warn-ink"
      title={`Notion here is the local sandbox at ${env().notion.apiBase}, not notion.so`}
    >
      Sandbox
    </span>
  );
}
