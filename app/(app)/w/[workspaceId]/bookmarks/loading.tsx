import { ListSkeleton } from "@/components/bookmarks/list-skeleton";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { PageTitle } from "./page-title";

/** The dashboard's shape while Notion answers, so nothing jumps when the list arrives. */
export default function Loading() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true">
      <PageTitle />
      <p className="sr-only" role="status">
        Loading bookmarks…
      </p>
      <Card tone="raised" padding="sm">
        <Skeleton className="h-8 w-full" />
      </Card>
      <div className="flex gap-2">
        <Skeleton className="h-8 flex-1" />
        <Skeleton className="h-8 w-20" />
        <Skeleton className="h-8 w-28" />
      </div>
      <ListSkeleton />
    </div>
  );
}
