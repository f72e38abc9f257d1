const bar = "animate-pulse rounded bg-surface";

/** The page's shape while it loads, so the sections do not jump in. */
export default function Loading() {
  return (
    <div className="flex max-w-3xl flex-col gap-8" aria-busy="true">
      <h1 className="text-2xl font-semibold tracking-tight">Import &amp; export</h1>
      <p className="sr-only" role="status">
        Loading imports…
      </p>
      <div className="flex h-64 flex-col gap-3 rounded-lg border border-line p-4 sm:p-5">
        <div className={`${bar} h-4 w-40`} />
        <div className={`${bar} h-3 w-4/5`} />
        <div className={`${bar} flex-1`} />
      </div>
      <div className={`${bar} h-24`} />
    </div>
  );
}
