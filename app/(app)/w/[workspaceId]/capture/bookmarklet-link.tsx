"use client";

import { BookmarkPlus } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { bookmarkletHref } from "@/lib/capture/bookmarklet";

/**
 * The draggable bookmarklet. React 19 refuses `javascript:` in href (it renders a URL that throws
 * instead), so the real address is set on the element after mount, outside React's rendering.
 * It needs this page's origin anyway, which only the browser knows for certain.
 */
export function BookmarkletLink() {
  const link = useRef<HTMLAnchorElement>(null);
  const [hint, setHint] = useState(false);

  useEffect(() => {
    link.current?.setAttribute("href", bookmarkletHref(window.location.origin));
  }, []);

  return (
    <div className="flex flex-wrap items-center gap-3">
      <a
        ref={link}
        data-testid="bookmarklet"
        draggable
        // Running it here would only save this page, and our CSP forbids javascript: URLs anyway.
        onClick={(event) => {
          event.preventDefault();
          setHint(true);
        }}
        className="inline-flex cursor-grab items-center gap-2 rounded-md border border-dashed border-accent bg-raised px-3 py-1.5 text-sm font-medium text-ink active:cursor-grabbing"
      >
        <BookmarkPlus className="size-4 text-accent" aria-hidden />
        Save to Shelf
      </a>
      <p role="status" className="text-xs text-muted">
        {hint ? "Drag this button to your bookmarks bar, then click it there on any page." : ""}
      </p>
    </div>
  );
}
