/** The requests the sandbox received under /v1, newest last, for tests to assert on. */

export interface LoggedRequest {
  request_id: string;
  time: string;
  method: string;
  path: string;
  query: string;
  notion_version: string | null;
  bot_id: string | null;
  /** The parsed JSON body, the raw text when it is not JSON, or null. */
  body: unknown;
  status: number | null;
  fault: string | null;
  duration_ms: number | null;
}

const MAX_ENTRIES = 5_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): LoggedRequest {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return entry;
  }

  list(): readonly LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
