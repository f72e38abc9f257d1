import { Card } from "./card";
import { Skeleton } from "./skeleton";

/** A titled page of cards while its data loads: the heading is known, the rest is grey. */
export function PageSkeleton({ title, status, cards = 2 }: { title: string; status: string; cards?: number }) {
  return (
    <div className="flex max-w-3xl flex-col gap-6" aria-busy="true">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="sr-only" role="status">
        {status}
      </p>
      <Skeleton className="h-4 w-2/3" />
      {Array.from({ length: cards }, (_, i) => (
        <Card key={i} className="flex flex-col gap-3">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-3 w-4/5" />
          <Skeleton className="h-8 w-32" />
        </Card>
      ))}
    </div>
  );
}
