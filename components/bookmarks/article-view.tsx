import { ImageOff } from "lucide-react";
import { Fragment } from "react";
import type { ArticleBlock, Inline } from "@/lib/reader/types";
import { safeHref } from "./safe-href";

/**
 * A saved article as React elements from Shelf's own tree (lib/reader), never its HTML: every
 * word is a text node, links are the vetted http(s) addresses, and pictures are not loaded (they
 * live on other sites, and the CSP keeps images first-party): a picture shows as its caption with
 * a link to it.
 */
export function ArticleView({ blocks }: { blocks: ArticleBlock[] }) {
  // The page's h1 is the article's title, so the article's top heading level becomes an h2, and the rest follow without gaps.
  const top = Math.min(3, ...blocks.flatMap((b) => (b.type === "heading" ? [b.level] : [])));
  return (
    <div className="flex flex-col gap-5 text-[1.0625rem] leading-[1.7] break-words">
      <Pieces blocks={blocks} top={top} />
    </div>
  );
}

type ListItem = Extract<ArticleBlock, { type: "list_item" }>;
type Piece = Exclude<ArticleBlock, ListItem> | { type: "list"; items: ListItem[] };

/** The reader's tree keeps list items one by one; consecutive items of one kind render as one list. */
function pieces(blocks: ArticleBlock[]): Piece[] {
  const out: Piece[] = [];
  for (const block of blocks) {
    if (block.type !== "list_item") {
      out.push(block);
      continue;
    }
    const last = out.at(-1);
    if (last?.type === "list" && last.items[0]!.ordered === block.ordered) last.items.push(block);
    else out.push({ type: "list", items: [block] });
  }
  return out;
}

function Pieces({ blocks, top }: { blocks: ArticleBlock[]; top: number }) {
  return pieces(blocks).map((piece, index) => <Block key={index} block={piece} top={top} />);
}

function Block({ block, top }: { block: Piece; top: number }) {
  switch (block.type) {
    case "heading": {
      const rank = block.level - top;
      const Heading = (["h2", "h3", "h4"] as const)[rank]!;
      const size = ["text-2xl", "text-xl", "text-lg"][rank];
      return (
        <Heading className={`${size} mt-4 font-semibold leading-snug tracking-tight`}>
          <Inlines inlines={block.inlines} />
        </Heading>
      );
    }
    case "paragraph":
      return (
        <p className="whitespace-pre-line">
          <Inlines inlines={block.inlines} />
        </p>
      );
    case "list":
      return <List items={block.items} top={top} />;
    case "quote":
      return (
        <blockquote className="whitespace-pre-line border-l-4 border-line-strong pl-4 text-muted italic">
          <Inlines inlines={block.inlines} />
        </blockquote>
      );
    case "code":
      return (
        <pre className="overflow-x-auto rounded-md border border-line bg-surface p-3 text-sm leading-normal" tabIndex={0}>
          <code>{block.text}</code>
        </pre>
      );
    case "image": {
      const href = safeHref(block.url);
      return (
        <figure className="flex items-center gap-2 rounded-md border border-dashed border-line-strong px-3 py-2 text-sm text-muted">
          <ImageOff className="size-4 shrink-0" aria-hidden />
          <figcaption className="min-w-0">
            {block.caption || "A picture"}
            {href && (
              <>
                {" "}
                (
                <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="underline underline-offset-2">
                  open the picture
                </a>
                )
              </>
            )}
          </figcaption>
        </figure>
      );
    }
    case "divider":
      return <hr className="my-2 border-line" />;
  }
}

function List({ items, top }: { items: ListItem[]; top: number }) {
  const ordered = items[0]!.ordered;
  const Tag = ordered ? "ol" : "ul";
  return (
    <Tag className={`${ordered ? "list-decimal" : "list-disc"} flex flex-col gap-1.5 pl-6`}>
      {items.map((item, index) => (
        <li key={index}>
          <Inlines inlines={item.inlines} />
          {item.children.length > 0 && (
            <div className="mt-1.5 flex flex-col gap-1.5">
              <Pieces blocks={item.children} top={top} />
            </div>
          )}
        </li>
      ))}
    </Tag>
  );
}

function Inlines({ inlines }: { inlines: Inline[] }) {
  return inlines.map((inline, index) => {
    let node: React.ReactNode = inline.text;
    if (inline.code) node = <code className="rounded bg-surface px-1 py-0.5 text-[0.9em]">{node}</code>;
    if (inline.bold) node = <strong className="font-semibold">{node}</strong>;
    if (inline.italic) node = <em>{node}</em>;
    const href = inline.href && safeHref(inline.href);
    if (href) {
      node = (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-accent underline underline-offset-2">
          {node}
        </a>
      );
    }
    return <Fragment key={index}>{node}</Fragment>;
  });
}
