import { ArrowLeft, BookOpenText, SquareArrowOutUpRight } from "lucide-react";
import Link from "next/link";
import { ArticleView } from "@/components/bookmarks/article-view";
import { contentWords } from "@/components/bookmarks/content-words";
import { safeHref } from "@/components/bookmarks/safe-href";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { displayHost } from "@/lib/bookmarks/url";
import type { ReaderPage } from "@/lib/content/service";
import { ContentPending, SaveContentButton } from "./reader-controls";

type Props = { workspaceId: string; page: ReaderPage; preview: string | null; writable: boolean };

/** A saved bookmark's article to read in Shelf: its title, where it is from, and its text in a narrow column. */
export function ReaderView({ workspaceId, page, preview, writable }: Props) {
  const { bookmark, state, article } = page;
  const original = safeHref(bookmark.url);
  const notion = safeHref(bookmark.notionUrl);
  const busy = state.status === "queued" || state.status === "writing";
  const from = [article?.siteName || displayHost(bookmark.url), article?.byline, article?.publishedTime && publishedDay(article.publishedTime)].filter(Boolean);
  return (
    <article className="mx-auto flex w-full min-w-0 max-w-[68ch] flex-col gap-6 pb-16" aria-labelledby="reader-title">
      <nav aria-label="Reader" className="flex flex-wrap items-center justify-between gap-2">
        <Button asChild variant="quiet" className="-ml-3">
          <Link href={`/w/${workspaceId}/bookmarks`}>
            <ArrowLeft className="size-4" aria-hidden /> Bookmarks
          </Link>
        </Button>
        <div className="flex flex-wrap gap-2">
          {notion && (
            <Button asChild variant="quiet">
              <a href={notion} target="_blank" rel="noopener noreferrer">
                Open in Notion
              </a>
            </Button>
          )}
          {original && (
            <Button asChild>
              <a href={original} target="_blank" rel="noopener noreferrer">
                <SquareArrowOutUpRight className="size-4" aria-hidden /> Original page
              </a>
            </Button>
          )}
        </div>
      </nav>
      <header className="flex flex-col gap-2">
        {from.length > 0 && <p className="text-sm text-muted">{from.join(" · ")}</p>}
        <h1 id="reader-title" className="text-3xl font-semibold leading-tight tracking-tight break-words">
          {article?.title || bookmark.title || "Untitled"}
        </h1>
        <p className="text-xs text-muted" role={busy ? "status" : undefined} data-testid="reader-state">
          {contentWords(state)}
        </p>
      </header>
      {busy && <ContentPending />}
      {preview && article && (
        // eslint-disable-next-line @next/next/no-img-element -- already resized WebP from Shelf's origin (lib/link-images)
        <img src={preview} alt="" width={600} height={314} className="aspect-[1.91/1] w-full rounded-lg border border-line object-cover" />
      )}
      {article ? (
        <ArticleView blocks={article.blocks} />
      ) : (
        <EmptyState
          icon={BookOpenText}
          title={busy ? "The article is on its way" : "No readable content yet"}
          titleAs="h2"
          titleId="reader-empty-title"
          action={writable && !busy && state.status !== "conflict" ? <SaveContentButton bookmarkId={bookmark.id} /> : undefined}
        >
          <p>
            {busy
              ? "Shelf is reading the page and writing it into Notion; it shows here when it is done."
              : "Shelf keeps an article's text when readable content is on in Settings, or when you ask for it here or in the bookmark's menu."}
          </p>
        </EmptyState>
      )}
    </article>
  );
}

const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** The page's own date, as a day; a date the page states oddly is left out. */
function publishedDay(value: string): string | null {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : dayFormat.format(time);
}
