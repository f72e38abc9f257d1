import { Skeleton } from "@/components/ui/skeleton";

/** The reader's shape while the article is read from the mirror. */
export default function Loading() {
  return (
    <div className="mx-auto flex w-full max-w-[68ch] flex-col gap-4" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the article…
      </p>
      <Skeleton className="h-4 w-28" />
      <Skeleton className="h-9 w-4/5" />
      <Skeleton className="h-4 w-1/2" />
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-4 w-full" />
      ))}
    </div>
  );
}
