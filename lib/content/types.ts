/** Where a bookmark's content stands, as the person is told it: plain data, for client components too. */
export type ContentState =
  | { status: "none" }
  /** A retry keeps the job queued; `reason` says what the last attempt met. */
  | { status: "queued"; reason: string | null }
  | { status: "writing"; done: number; total: number | null }
  | { status: "done"; capturedAt: string }
  | { status: "refused" | "failed" | "conflict"; reason: string };

/** The workspace's setting (workspaces.content_mode): none, new saves, or new saves and imports. */
export const CONTENT_MODES = ["off", "saves", "saves_and_imports"] as const;
export type ContentMode = (typeof CONTENT_MODES)[number];
