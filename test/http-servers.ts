import http from "node:http";
import type { AddressInfo } from "node:net";

/** A local HTTP server for the link-metadata tests, on 127.0.0.1 (fetch it with allowLoopback). */
export type TestServer = {
  url: string;
  port: number;
  /** Requests received, with their headers. */
  requests: http.IncomingMessage[];
  /** Body bytes written to the socket before it closed, for the size-cap tests. */
  bytesSent: () => number;
  close: () => Promise<void>;
};

export async function startTestServer(handler: http.RequestListener): Promise<TestServer> {
  const requests: http.IncomingMessage[] = [];
  let sent = 0;
  const server = http.createServer((request, response) => {
    requests.push(request);
    const write = response.write.bind(response) as (chunk: Buffer | string) => boolean;
    response.write = ((chunk: Buffer | string, ...rest: unknown[]) => {
      sent += Buffer.byteLength(chunk);
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof response.write;
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    bytesSent: () => sent,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes `total` bytes of `chunk` as fast as the client reads them, stopping when it hangs up. */
export function streamBody(response: http.ServerResponse, chunk: Buffer, total: number): void {
  let written = 0;
  const pump = () => {
    while (written < total && !response.destroyed) {
      written += chunk.length;
      if (!response.write(chunk)) return void response.once("drain", pump);
    }
    if (!response.destroyed) response.end();
  };
  pump();
}

/** A page whose <head> holds the given title and description. */
export const page = (title: string, description = "") =>
  `<!doctype html><html><head><meta charset="utf-8"><title>ignored</title><meta property="og:title" content="${title}">${
    description ? `<meta property="og:description" content="${description}">` : ""
  }</head><body><p>Body</p></body></html>`;
