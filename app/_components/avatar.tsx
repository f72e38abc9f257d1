export function Avatar({ image, name }: { image: string | null; name: string | null }) {
  if (image) {
    // eslint-disable-next-line @next/next/no-img-element -- Notion avatars live on Notion's hosts; no optimizer config per host
    return <img src={image} alt="" className="size-7 rounded-full object-cover" referrerPolicy="no-referrer" />;
  }
  return (
    <span aria-hidden className="inline-flex size-7 items-center justify-center rounded-full bg-surface text-xs font-medium">
      {name?.trim()[0]?.toUpperCase() ?? "?"}
    </span>
  );
}
