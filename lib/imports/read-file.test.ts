import { describe, expect, it } from "vitest";
import { BookmarkFileError } from "@/lib/bookmark-files";
import { readFileInWorker } from "./read-file";

const bytesOf = (text: string) => {
  const buffer = Buffer.from(text);
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
};

describe("readFileInWorker", () => {
  it("reads, classifies and merges in a worker thread, and names the format and encoding", async () => {
    const rows = Array.from({ length: 4500 }, (_, n) => ({ href: `https://w.example/${n % 4000}`, description: `W ${n}`, tags: `t${n % 3}`, time: "2020-01-01T00:00:00Z" }));
    const preview = await readFileInWorker({ bytes: bytesOf(JSON.stringify(rows)), fileName: "pins.json", folderTags: false, existing: ["https://w.example/1"] });
    expect([preview.format, preview.encoding, preview.bookmarks, preview.rows.length]).toEqual(["pinboard-json", "utf-8", 4500, 4500]);
    // 500 addresses twice; both copies of the one already saved are "existing".
    expect(preview.rows.filter((row) => row.status === "duplicate")).toHaveLength(499);
    expect([preview.rows[1]?.status, preview.rows[4001]?.status]).toEqual(["existing", "existing"]);
    // Row 0 and row 4000 share an address: the copy's tag joins the first.
    expect(preview.rows[0]).toMatchObject({ status: "new", tags: ["t0", "t1"] });
    expect(preview.alternatives).toContain("json");
  });

  it("passes the parser's refusal on as a BookmarkFileError and honours a chosen format", async () => {
    await expect(readFileInWorker({ bytes: bytesOf(" \n"), fileName: "x.csv", folderTags: false, existing: [] })).rejects.toThrow(
      new BookmarkFileError("This file is empty."),
    );
    const csv = "URL,Title,Selection,Folder,Timestamp\nhttps://i.example/,I,,Unread,1\n";
    const preview = await readFileInWorker({ bytes: bytesOf(csv), fileName: "x.csv", format: "csv", folderTags: true, existing: [] });
    expect([preview.format, preview.rows[0]?.tags]).toEqual(["csv", ["Unread"]]);
  });
});
