import type { BulkJobView } from "@/lib/bulk/service";

/** Counts as the bulk bar and its progress say them: "2,000", "1 bookmark", "3 bookmarks". */
export const count = (n: number) => n.toLocaleString("en");
export const bookmarksWord = (n: number) => `${count(n)} bookmark${n === 1 ? "" : "s"}`;

const DOING: Record<BulkJobView["action"], [string, string]> = {
  add_tags: ["Adding tags to", "Tagged"],
  remove_tags: ["Removing tags from", "Untagged"],
  trash: ["Moving to the trash:", "Trashed"],
  restore: ["Restoring", "Restored"],
  move: ["Moving", "Moved"],
};

/** What a job does or did, as its progress bar's headline says it. */
export function headline(job: BulkJobView): string {
  const [doing, did] = DOING[job.action];
  const tags = job.tags.length > 0 ? ` “${job.tags.join("”, “")}”` : "";
  const where = job.targetName ? ` to ${job.targetName}` : "";
  const running = job.status === "running" || job.remaining > 0;
  const what = job.undoOf ? (running ? "Undoing: " : "Undone: ") : "";
  if (running) return `${what}${doing} ${bookmarksWord(job.total)}${where}${tags && ` (${tags.trim()})`}`;
  return `${what}${did} ${bookmarksWord(job.done)}${where}${tags && ` (${tags.trim()})`}.`;
}
