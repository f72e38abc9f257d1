/** Notion's workspace icon is an image URL, an emoji, or nothing: show whichever, else the initial. */
export function WorkspaceIcon({ icon, name, className = "size-5" }: { icon: string | null; name: string | null; className?: string }) {
  if (icon && /^https?:\/\//.test(icon)) {
    return <img src={icon} alt="" className={`${className} rounded object-cover`} referrerPolicy="no-referrer" />;
  }
  const glyph = icon && [...icon].length <= 2 ? icon : (name?.trim()[0]?.toUpperCase() ?? "?");
  return (
    <span aria-hidden className={`${className} inline-flex items-center justify-center rounded bg-surface text-xs font-medium`}>
      {glyph}
    </span>
  );
}
