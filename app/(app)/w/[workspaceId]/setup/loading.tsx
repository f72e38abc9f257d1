import { PageSkeleton } from "@/components/ui/page-skeleton";

/** Setup asks Notion for every shared database, which can take a few seconds. */
export default function Loading() {
  return <PageSkeleton title="Choose your Bookmarks database" status="Looking for your Notion databases…" />;
}
