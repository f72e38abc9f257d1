"use client";

import { FileUp } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { FILE_FORMATS, FORMAT_NAMES } from "@/lib/bookmark-files/formats";
import type { FileFormat } from "@/lib/bookmark-files/types";
import { previewImportAction } from "./actions";

const sizeFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const sizeInWords = (bytes: number) =>
  bytes < 1024 * 1024 ? `${sizeFormat.format(bytes / 1024)} KB` : `${sizeFormat.format(bytes / 1024 / 1024)} MB`;

/**
 * Choose or drop a bookmarks file; the size is checked here before anything is sent, and again
 * on the server. The file is read once, into a preview; nothing is saved until the person starts.
 */
export function UploadForm({
  workspaceId,
  maxBytes,
  tooBigMessage,
  initialFormat,
}: {
  workspaceId: string;
  maxBytes: number;
  tooBigMessage: string;
  /** A format the person asked for from a preview that read their file wrongly. */
  initialFormat?: FileFormat;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [folderTags, setFolderTags] = useState(false);
  const [format, setFormat] = useState<FileFormat | "">(initialFormat ?? "");
  const formatId = useId();
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [pending, start] = useTransition();
  const router = useRouter();
  const inputId = useId();
  const errorId = useId();

  function choose(chosen: File | undefined) {
    if (!chosen) return;
    if (chosen.size > maxBytes) {
      setFile(null);
      setError(tooBigMessage);
      return;
    }
    setError(null);
    setFile(chosen);
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return setError("Choose a bookmarks file first.");
    start(async () => {
      const result = await previewImportAction({ workspaceId, file, folderTags, format: format === "" ? undefined : format });
      if (!result.ok) return setError(result.fieldErrors?.file ?? result.error);
      router.push(`/w/${workspaceId}/import?job=${result.data.id}`);
    });
  }

  return (
    <form onSubmit={submit} className="mt-3 flex flex-col gap-4" aria-describedby={error ? errorId : undefined}>
      <p className="text-sm text-muted">
        A bookmarks file from a browser (HTML, Safari&rsquo;s Bookmarks.plist, Firefox&rsquo;s .jsonlz4 backups), an
        export from Pinboard, Karakeep, Linkwarden, Omnivore, OneTab, Pocket, Instapaper, Raindrop.io or Readwise Reader, a
        CSV file with url, title, description and tags columns, or a Shelf JSON export. Up to {sizeInWords(maxBytes)} or
        50,000 bookmarks. You see what will happen before anything is saved.
      </p>
      <div
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          choose(event.dataTransfer.files[0]);
        }}
        className={`flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-4 py-8 text-center focus-within:border-accent ${
          dragging ? "border-accent bg-surface" : "border-line-strong"
        }`}
      >
        <FileUp className="size-6 text-muted" aria-hidden />
        <p className="text-sm">{file ? <span className="font-medium break-all">{file.name}</span> : "Drag a bookmarks file here, or"}</p>
        {file && <p className="text-xs text-muted">{sizeInWords(file.size)}</p>}
        <label htmlFor={inputId} className={buttonVariants({ className: "cursor-pointer" })}>
          {file ? "Choose another file" : "Choose a file"}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".html,.htm,.csv,.json,.txt,.plist,.jsonlz4,text/html,text/csv,application/json"
          className="sr-only"
          aria-label="Bookmarks file"
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            choose(event.target.files?.[0]);
            // Choosing the same file again after an error must fire change again.
            event.target.value = "";
          }}
        />
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5 size-4 accent-accent" checked={folderTags} onChange={(e) => setFolderTags(e.target.checked)} />
        <span>
          Use folder names as tags
          <span className="block text-muted">A bookmark in “Work / Reading” gets the tags Work and Reading.</span>
        </span>
      </label>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={formatId}>Format</label>
        <select
          id={formatId}
          value={format}
          onChange={(event) => setFormat(event.target.value as FileFormat | "")}
          className="w-full max-w-xs rounded-md border border-line-strong bg-surface px-2 py-1.5"
        >
          <option value="">Detect from the file</option>
          {FILE_FORMATS.map((id) => (
            <option key={id} value={id}>
              {FORMAT_NAMES[id]}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p id={errorId} role="alert" className="rounded-md bg-warn-bg px-3 py-2 text-sm text-warn-ink">
          {error}
        </p>
      )}
      <div>
        <Button variant="primary" type="submit" disabled={pending || !file}>
          {pending ? "Reading the file…" : "Preview import"}
        </Button>
      </div>
    </form>
  );
}
