const bar = "animate-pulse rounded bg-surface";

/** The list's shape while the events load, so nothing jumps when they arrive. */
export default function Loading() {
  return (
    <div className="flex max-w-2xl flex-col gap-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading security activity…
      </p>
      <div className="flex flex-col gap-3">
        <div className={`${bar} h-6 w-20`} />
        <div className={`${bar} h-7 w-56`} />
        <div className={`${bar} h-10 w-full`} />
      </div>
      <ul className="divide-y divide-line rounded-lg border border-line">
        {Array.from({ length: 6 }, (_, i) => (
          <li key={i} className="flex gap-3 px-3 py-3 sm:px-4">
            <div className={`${bar} size-4`} />
            <div className="flex flex-1 flex-col gap-2">
              <div className={`${bar} h-4 w-1/2`} />
              <div className={`${bar} h-3 w-4/5`} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
