import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function Loading() {
  return <PageSkeleton title="Tags" status="Counting your tags…" cards={1} />;
}
