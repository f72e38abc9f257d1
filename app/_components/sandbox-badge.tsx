import { Badge } from "@/components/ui/badge";
import { env } from "@/lib/env";

/** Says plainly when Shelf talks to the local Notion sandbox rather than to Notion. */
export function SandboxBadge() {
  if (!env().notionIsSandbox) return null;
  return (
    <Badge tone="warn" className="shrink-0 rounded-full px-2 py-0.5 font-medium" title={`Notion here is the local sandbox at ${env().notion.apiBase}, not notion.so`}>
      Sandbox
    </Badge>
  );
}
