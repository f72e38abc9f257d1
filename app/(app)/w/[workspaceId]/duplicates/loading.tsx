import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function Loading() {
  return <PageSkeleton title="Duplicates" status="Looking for links saved more than once…" />;
}
