import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** The list's shape while rows load: switching workspace or view shows this, never an empty page. */
export function ListSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <Card as="ul" padding="none" className="divide-y divide-line" data-testid="list-skeleton">
      {Array.from({ length: rows }, (_, i) => (
        <li key={i} className="flex gap-3 px-3 py-3 sm:px-4">
          <Skeleton className="size-5" />
          <div className="flex flex-1 flex-col gap-2">
            <Skeleton className="h-3.5" style={{ width: `${40 + ((i * 17) % 35)}%` }} />
            <Skeleton className="h-3 w-3/5" />
          </div>
          <Skeleton className="h-3 w-20" />
        </li>
      ))}
    </Card>
  );
}
