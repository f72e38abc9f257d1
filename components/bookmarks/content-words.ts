import type { ContentState } from "@/lib/content/types";
import { formatExact } from "./format";

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One line on where a bookmark's readable content stands, for its menu and the reader view. */
export function contentWords(state: ContentState): string {
  switch (state.status) {
    case "none":
      return "No readable content saved.";
    case "queued":
      return state.reason ? `Content queued; the last try met: ${state.reason}.` : "Content queued: Shelf saves it in the background.";
    case "writing":
      return state.total ? `Saving content into Notion: part ${Math.min(state.done + 1, state.total)} of ${state.total}.` : "Reading the page for its content.";
    case "done":
      return `Readable content saved ${formatExact(state.capturedAt)}.`;
    case "refused":
      // The reader's reasons start "no readable article: …".
      return `${sentence(state.reason)}.`.replace(/\.\.$/, ".");
    case "failed":
      return `Content not saved: ${state.reason}`;
    case "conflict":
      return state.reason;
  }
}
