/** Keeps the store in a JSON file for `npm run dev`: loaded on start, written (debounced) on change. */
import fs from "node:fs";
import path from "node:path";
import type { StoreSnapshot } from "./store";

const WRITE_DELAY_MS = 200;

export function loadSnapshot(file: string): StoreSnapshot | undefined {
  if (!fs.existsSync(file)) return undefined;
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as StoreSnapshot;
  // A file from an incompatible sandbox version is ignored rather than half-loaded.
  return parsed.version === 2 ? parsed : undefined;
}

export class Persistence {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly snapshot: () => StoreSnapshot,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.writing = this.writing.then(() => this.write());
    }, WRITE_DELAY_MS);
    this.timer.unref();
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.writing = this.writing.then(() => this.write());
    }
    await this.writing;
  }

  /** Write-then-rename so a crash never leaves half a file behind. */
  private async write(): Promise<void> {
    const temporary = `${this.file}.${process.pid}.tmp`;
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    await fs.promises.writeFile(temporary, JSON.stringify(this.snapshot()));
    await fs.promises.rename(temporary, this.file);
  }
}
