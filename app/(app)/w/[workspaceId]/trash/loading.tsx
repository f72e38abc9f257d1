import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function Loading() {
  return <PageSkeleton title="Trash" status="Opening the trash…" cards={1} />;
}
