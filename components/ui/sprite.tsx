import { BookOpenText, CircleAlert, CloudUpload, ImageUp, Loader2, Pencil, SquareArrowOutUpRight, Trash2, type LucideIcon } from "lucide-react";

/** The icons drawn on every row of a list: written once per page and referenced, not copied per row. */
const SPRITE = {
  "open-external": SquareArrowOutUpRight,
  "image-up": ImageUp,
  pencil: Pencil,
  trash: Trash2,
  "cloud-up": CloudUpload,
  spinner: Loader2,
  alert: CircleAlert,
  "book-open": BookOpenText,
} satisfies Record<string, LucideIcon>;

export type SpriteName = keyof typeof SPRITE;

/**
 * The symbols `SpriteIcon` points at. Render it once on a page that shows `SpriteIcon`s: a row's
 * four inline lucide icons were ~1.9 KB of its HTML; a reference is ~70 bytes.
 */
export function IconSprite() {
  return (
    <svg aria-hidden width="0" height="0" className="absolute size-0 overflow-hidden">
      {Object.entries(SPRITE).map(([name, Icon]) => (
        <symbol key={name} id={`icon-${name}`} viewBox="0 0 24 24">
          <Icon />
        </symbol>
      ))}
    </svg>
  );
}

/** One icon of `IconSprite`, sized by `className` and coloured by the text colour (as a lucide icon is). */
export function SpriteIcon({ name, className }: { name: SpriteName; className: string }) {
  return (
    <svg aria-hidden className={className}>
      <use href={`#icon-${name}`} />
    </svg>
  );
}
