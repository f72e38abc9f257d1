import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** The page's shape while it loads, so the sections do not jump in. */
export default function Loading() {
  return (
    <div className="flex max-w-3xl flex-col gap-8" aria-busy="true">
      <h1 className="text-2xl font-semibold tracking-tight">Import &amp; export</h1>
      <p className="sr-only" role="status">
        Loading imports…
      </p>
      <Card className="flex h-64 flex-col gap-3">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-3 w-4/5" />
        <Skeleton className="flex-1" />
      </Card>
      <Skeleton className="h-24" />
    </div>
  );
}
