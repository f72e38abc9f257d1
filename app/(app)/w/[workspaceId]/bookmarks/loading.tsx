import { PageTitle } from "./page-title";

const bar = "animate-pulse rounded bg-surface";

/** The dashboard's shape while Notion answers, so nothing jumps when the list arrives. */
export default function Loading() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true">
      <PageTitle />
      <p className="sr-only" role="status">
        Loading bookmarks…
      </p>
      <div className="h-[11.5rem] rounded-lg border border-line bg-raised p-4 sm:h-[9.25rem]">
        <div className={`${bar} h-4 w-28`} />
      </div>
      <div className="flex gap-2">
        <div className={`${bar} h-8 flex-1`} />
        <div className={`${bar} h-8 w-20`} />
        <div className={`${bar} h-8 w-28`} />
      </div>
      <ul className="divide-y divide-line rounded-lg border border-line">
        {Array.from({ length: 8 }, (_, i) => (
          <li key={i} className="flex gap-3 px-3 py-3 sm:px-4">
            <div className={`${bar} size-5`} />
            <div className="flex flex-1 flex-col gap-2">
              <div className={`${bar} h-3.5`} style={{ width: `${40 + ((i * 17) % 35)}%` }} />
              <div className={`${bar} h-3 w-3/5`} />
            </div>
            <div className={`${bar} h-3 w-20`} />
          </li>
        ))}
      </ul>
    </div>
  );
}
