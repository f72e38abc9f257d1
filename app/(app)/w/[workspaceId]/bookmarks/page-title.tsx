/** The page's one h1, with room for the view's own controls on the right. */
export function PageTitle({ children }: { children?: React.ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-3">
      <h1 className="text-2xl font-semibold tracking-tight">Bookmarks</h1>
      {children}
    </div>
  );
}
