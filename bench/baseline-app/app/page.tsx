import { connection } from "next/server";
import { BookmarkRow, type Row } from "./row";

const TOPICS = ["ai", "compilers", "databases", "design", "networks"];

/** 50 rows like the seeded bookmarks; `?tags=` only changes which, as the dashboard's filter does. */
function rows(tag: string | undefined): Row[] {
  return Array.from({ length: 50 }, (_, n) => {
    const i = 5000 - n * (tag ? 5 : 1);
    const topic = tag ?? TOPICS[i % TOPICS.length]!;
    return {
      id: `row-${i}`,
      title: `Notes on ${topic} #${i}`,
      url: `https://example.com/${topic}/${i}`,
      host: "example.com",
      description: `A saved page about ${topic}, number ${i}, with a sentence or two of description.`,
      tags: [topic, TOPICS[(i + 1) % TOPICS.length]!],
      createdTime: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    };
  });
}

export default async function Page({ searchParams }: { searchParams: Promise<{ tags?: string }> }) {
  // Rendered per request, as the dashboard is.
  await connection();
  const { tags } = await searchParams;
  return (
    <main className="mx-auto max-w-4xl">
      <h1>Bookmarks</h1>
      <ul className="divide-y divide-line">
        {rows(tags).map((row) => (
          <BookmarkRow key={row.id} row={row} />
        ))}
      </ul>
    </main>
  );
}
