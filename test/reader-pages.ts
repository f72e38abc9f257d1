import fs from "node:fs";
import path from "node:path";
import { startTestServer, streamBody, type TestServer } from "./http-servers";

/**
 * Real-shaped pages for the reader's tests and bench (test/fixtures/reader: a blog post with
 * headings, lists, code, images, links, scripts and a tracking pixel; an app shell; a Cloudflare
 * challenge; a paywalled article), a long generated article, a 10 MB page, a PDF and redirects to
 * private addresses, served from 127.0.0.1.
 */
export const readerFixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "fixtures", "reader", name), "utf8");

/** A long article of about `bytes` of HTML: sections of a heading, paragraphs, a list and a code block. */
export function longArticle(bytes: number): string {
  const sections: string[] = [];
  for (let i = 1, size = 0; size < bytes; i++) {
    const section = `<h2>Section ${i}</h2>
<p>Paragraph ${i}.1 of the long article talks about <strong>durability</strong>, <em>latency</em> and <a href="/notes/${i}">notes ${i}</a>. ${"Storage engines trade write amplification against read amplification and space. ".repeat(6)}</p>
<p>Paragraph ${i}.2 continues: ${"Compaction merges sorted runs so that reads touch fewer files. ".repeat(5)}</p>
<ul><li>Point ${i}.a about caches</li><li>Point ${i}.b about logs</li></ul>
<pre><code class="language-js">const section${i} = await db.get("key-${i}");</code></pre>`;
    sections.push(section);
    size += section.length;
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>The long read</title></head><body><header><nav><a href="/">Home</a></nav></header><article><h1>The long read</h1>${sections.join("\n")}</article><footer>© 2026</footer></body></html>`;
}

export type ReaderPages = TestServer & { long: string };

export async function startReaderPages(): Promise<ReaderPages> {
  const long = longArticle(200 * 1024);
  const server = await startTestServer((request, response) => {
    const html = (body: string) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(body);
    };
    const redirect = (location: string) => {
      response.writeHead(302, { location });
      response.end();
    };
    switch (request.url) {
      case "/article":
        return html(readerFixture("article.html"));
      case "/app":
        return html(readerFixture("app.html"));
      case "/challenge":
        response.writeHead(403, { "content-type": "text/html; charset=UTF-8", "cf-mitigated": "challenge" });
        return response.end(readerFixture("challenge.html"));
      case "/challenge-200":
        return html(readerFixture("challenge.html"));
      case "/paywall":
        return html(readerFixture("paywall.html"));
      case "/long":
        return html(long);
      case "/huge": {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.write("<!doctype html><html><head><title>Huge</title></head><body><article>");
        return streamBody(response, Buffer.from(`<p>${"x".repeat(1018)}</p>`), 10 * 1024 * 1024);
      }
      case "/paper.pdf":
        response.writeHead(200, { "content-type": "application/pdf" });
        return response.end("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n");
      case "/to-private":
        return redirect("http://10.0.0.7/admin");
      case "/to-metadata":
        return redirect("http://169.254.169.254/latest/meta-data/");
      case "/to-internal-name":
        return redirect(`http://internal.test:${server.port}/article`);
      default:
        response.writeHead(404, { "content-type": "text/plain" });
        return response.end("not found");
    }
  });
  return Object.assign(server, { long });
}
