export function SiteFooter() {
  return (
    <footer className="border-t border-line">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-4 text-xs text-muted sm:px-6">
        <p>Shelf keeps your bookmarks in your own Notion workspace.</p>
        <p>Your Notion stays the source of truth.</p>
      </div>
    </footer>
  );
}
