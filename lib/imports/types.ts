import type { FileFormat } from "@/lib/bookmark-files/types";

/** What the import screens show: plain JSON, safe to hand to client components. */
export type ImportStatus = "preview" | "running" | "paused" | "cancelled" | "completed";

export type ImportRowProblem = { line: number | null; url: string; reason: string };

export type ImportView = {
  id: string;
  fileName: string;
  /** A FileFormat; FORMAT_NAMES has its name. */
  format: string;
  /** The character set the file was decoded with (null for imports from before it was kept). */
  encoding: string | null;
  /** Other formats the same file could be read as, for a person whose file was read wrongly. */
  alternatives: FileFormat[];
  status: ImportStatus;
  createdAt: string;
  folderTags: boolean;
  /** What the preview found: `toImport` rows will be saved, the others are left out. */
  counts: { toImport: number; existing: number; duplicate: number; invalid: number };
  progress: { done: number; failed: number; skipped: number; remaining: number; etaSeconds: number | null };
  /** The first invalid and failed rows, with reasons; the report has all of them. */
  problems: ImportRowProblem[];
  problemCount: number;
};

export type ImportSummary = Pick<ImportView, "id" | "fileName" | "status" | "createdAt"> & {
  total: number;
  done: number;
  failed: number;
  skipped: number;
};
