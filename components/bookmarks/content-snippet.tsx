import { cn } from "@/components/ui/cn";
import { snippetParts } from "@/lib/content/snippet";

/** The passage of a bookmark's saved article that a search matched, its words as text, the matches marked. */
export function ContentSnippet({ headline, className }: { headline: string; className?: string }) {
  return (
    <p className={cn("line-clamp-3 text-sm text-muted sm:line-clamp-2", className)} data-testid="content-snippet">
      <span className="sr-only">From the saved article: </span>…
      {snippetParts(headline).map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-accent/15 px-0.5 text-ink">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
      …
    </p>
  );
}
