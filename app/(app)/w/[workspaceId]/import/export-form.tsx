import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

const FORMATS = [
  { value: "netscape", label: "Browser bookmarks (HTML)", hint: "Opens in Chrome, Firefox, Safari and Edge." },
  { value: "csv", label: "CSV", hint: "For spreadsheets: url, title, description, tags, created." },
  { value: "json", label: "JSON", hint: "Everything Shelf knows, for Shelf or your own scripts." },
] as const;

/** A plain GET form: the export route answers with a file, so this works without JavaScript. */
export function ExportForm({ workspaceId }: { workspaceId: string }) {
  return (
    <Card as="section" aria-labelledby="export-heading">
      <h2 id="export-heading" className="font-medium">
        Export bookmarks
      </h2>
      <p className="mt-1 text-sm text-muted">Every bookmark of this workspace that is not in the trash.</p>
      <form action={`/w/${workspaceId}/export`} method="get" className="mt-4 flex flex-col gap-4">
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Format</legend>
          {FORMATS.map((format, index) => (
            <label key={format.value} className="flex items-start gap-2 text-sm">
              <input type="radio" name="format" value={format.value} defaultChecked={index === 0} className="mt-0.5 size-4 accent-accent" />
              <span>
                {format.label}
                <span className="block text-muted">{format.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="tagsAsFolders" value="1" className="mt-0.5 size-4 accent-accent" />
          <span>
            Put bookmarks in folders named after their tags
            <span className="block text-muted">Browser bookmarks only. A bookmark with two tags appears in both folders.</span>
          </span>
        </label>
        <div>
          <Button variant="primary" type="submit">
            <Download className="size-4" aria-hidden /> Download export
          </Button>
        </div>
      </form>
    </Card>
  );
}
