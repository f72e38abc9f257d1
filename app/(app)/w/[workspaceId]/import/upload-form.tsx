"use client";

import { FileUp } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { previewImportAction } from "./actions";

const sizeFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const sizeInWords = (bytes: number) =>
  bytes < 1024 * 1024 ? `${sizeFormat.format(bytes / 1024)} KB` : `${sizeFormat.format(bytes / 1024 / 1024)} MB`;

/**
 * Choose or drop a bookmarks file; the size is checked here before anything is sent, and again
 * on the server. The file is read once, into a preview; nothing is saved until the person starts.
 */
export function UploadForm({ workspaceId, maxBytes, tooBigMessage }: { workspaceId: string; maxBytes: number; tooBigMessage: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [folderTags, setFolderTags] = useState(false);
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
      const result = await previewImportAction({ workspaceId, file, folderTags });
      if (!result.ok) return setError(result.fieldErrors?.file ?? result.error);
      router.push(`/w/${workspaceId}/import?job=${result.data.id}`);
    });
  }

  return (
    <form onSubmit={submit} className="mt-3 flex flex-col gap-4" aria-describedby={error ? errorId : undefined}>
      <p className="text-sm text-muted">
        A bookmarks file exported from Chrome, Firefox, Safari or Edge (HTML), a CSV file with url, title, description and
        tags columns, or a Shelf JSON export. Up to {sizeInWords(maxBytes)} or 50,000 bookmarks. You see what will happen
        before anything is saved.
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
          accept=".html,.htm,.csv,.json,.txt,text/html,text/csv,application/json"
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
