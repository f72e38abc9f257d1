import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** The list's shape while the events load, so nothing jumps when they arrive. */
export default function Loading() {
  return (
    <div className="flex max-w-2xl flex-col gap-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading security activity…
      </p>
      <div className="flex flex-col gap-3">
        <Skeleton className="h-6 w-20" />
        <Skeleton className="h-7 w-56" />
        <Skeleton className="h-10 w-full" />
      </div>
      <Card as="ul" padding="none" className="divide-y divide-line">
        {Array.from({ length: 6 }, (_, i) => (
          <li key={i} className="flex gap-3 px-3 py-3 sm:px-4">
            <Skeleton className="size-4" />
            <div className="flex flex-1 flex-col gap-2">
              <Skeleton className="h-4 w-1/2" />
              <Skeleton className="h-3 w-4/5" />
            </div>
          </li>
        ))}
      </Card>
    </div>
  );
}
