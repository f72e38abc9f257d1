/**
 * `npx tsx scripts/make-bookmark-fixtures.ts`: writes test/fixtures/chrome-5000.html and
 * test/fixtures/firefox-5000.html (5,000 links each, in the shape each browser exports) and,
 * beside each, a .expected.json with what the file holds. The output depends only on the
 * seeds below, so running it again gives the same bytes.
 *
 * The HTML is written by hand here, not by lib/bookmark-files, so the parser's tests read files
 * it had no part in making; the expectations are counted while writing, not by parsing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { normalizeUrl, parseHttpUrl } from "../lib/bookmarks/url";

const LINKS = 5000;
const MAX_DEPTH = 5;
const FOLDERS = 160;
const LONG_TITLES = 6;
const LONG_TITLE_MIN = 2100;
const OUT_DIR = path.join(import.meta.dirname, "..", "test", "fixtures");

/** mulberry32: a small seeded generator, good enough for test data. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof seeded>;

const WORDS = [
  "notes", "design", "rust", "typescript", "postgres", "recipes", "travel", "climbing", "history",
  "guide", "release", "benchmark", "interview", "essay", "talk", "paper", "tutorial", "weekly",
];
const TITLE_PARTS = [
  "How we scaled", "A gentle introduction to", "Notes on", "The case for", "Why I stopped using",
  "Everything you need to know about", "Designing", "Ask HN: What's your favourite", "Review:",
  "東京の天気と週末の予定", "中文标题：如何学习编程", "한국어 제목 예시", "مرحبا بالعالم — دليل المبتدئين",
  "שלום עולם: מדריך קצר", "🚀 Launch week", "🍣 Sushi places in Kyoto", "Cafe\u0301 culture in Paris",
  "Z\u0351\u036b\u0343a\u0352l\u0309g\u0310o text", "Résumé tips & tricks", "<script> tags & \"quotes\"",
  "Ünïcödé façade naïve coöperation", "Ελληνικά για αρχάριους", "Русский язык онлайн",
];
const FOLDER_NAMES = [
  "Work", "Reading", "Recipes", "Travel", "Dev", "Design & Research", "Archive", "Later", "Tools",
  "Inspiration", "News", "Music", "日本語", "学习资料", "🚀 Projects", "עברית", "مقالات", "Cafe\u0301s",
  "Kids' school", "2024", "Taxes <personal>",
];
const SITES = [
  (r: Random) => `https://github.com/${r.pick(WORDS)}-${r.int(1, 999)}/${r.pick(WORDS)}`,
  (r: Random) => `https://en.wikipedia.org/wiki/${r.pick(["Ada_Lovelace", "Grace_Hopper", "Alan_Turing", "Katherine_Johnson"])}_${r.int(1, 99999)}`,
  (r: Random) => `https://news.ycombinator.com/item?id=${r.int(10_000_000, 40_000_000)}`,
  (r: Random) => `https://www.youtube.com/watch?v=${r.int(100000, 999999)}x${r.pick(WORDS)}&t=${r.int(1, 600)}s`,
  (r: Random) => `https://developer.mozilla.org/en-US/docs/Web/${r.pick(["API", "CSS", "HTML", "HTTP"])}/${r.pick(WORDS)}${r.int(1, 9999)}`,
  (r: Random) => `https://stackoverflow.com/questions/${r.int(1_000_000, 79_000_000)}/${r.pick(WORDS)}-${r.pick(WORDS)}`,
  (r: Random) => `https://medium.com/@${r.pick(WORDS)}${r.int(1, 999)}/${r.pick(WORDS)}-${r.int(1, 1e9).toString(16)}`,
  (r: Random) => `https://www.nytimes.com/${r.int(2008, 2025)}/${String(r.int(1, 12)).padStart(2, "0")}/${r.pick(WORDS)}-${r.int(1, 99999)}.html`,
  (r: Random) => `https://docs.python.org/3/library/${r.pick(WORDS)}${r.int(1, 9999)}.html#${r.pick(WORDS)}`,
  (r: Random) => `https://例え.jp/パス/${r.int(1, 99999)}`,
  (r: Random) => `https://bücher.de/katalog?q=${r.pick(WORDS)}&seite=${r.int(1, 99999)}`,
  (r: Random) => `http://localhost:${r.pick([3000, 8080, 5173])}/${r.pick(WORDS)}/${r.int(1, 99999)}`,
  (r: Random) => `https://blog.${r.pick(WORDS)}${r.int(1, 999)}.dev/posts/${r.pick(WORDS)}?ref=${r.pick(WORDS)}`,
];

type Kind = "valid" | "duplicate" | "variant" | "invalid" | "long-title";
type Link = {
  kind: Kind;
  url: string;
  title: string;
  description: string;
  tags: string[];
  added: number;
  icon: string | null;
  shortcut: string | null;
};
type Folder = { name: string; attributes: string; path: string[]; depth: number; added: number; items: Item[] };
type Item = { link: Link } | { folder: Folder };

type Browser = {
  file: string;
  seed: number;
  header: string[];
  footer: string;
  /** The containers written as H3s, with their attributes; Firefox's menu is the top list itself. */
  containers: { name: string; attributes: string }[];
  linksAtTop: boolean;
  invalid: string[];
  iconRate: number;
  tagRate: number;
  descriptionRate: number;
  shortcutRate: number;
  lastModified: boolean;
  iconUri: boolean;
};

const NETSCAPE_HEADER = [
  "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
  "<!-- This is an automatically generated file.",
  "     It will be read and overwritten.",
  "     DO NOT EDIT! -->",
  '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
];

const CHROME: Browser = {
  file: "chrome-5000",
  seed: 0xc4e0,
  header: [...NETSCAPE_HEADER, "<TITLE>Bookmarks</TITLE>", "<H1>Bookmarks</H1>", "<DL><p>"],
  footer: "</DL><p>",
  containers: [
    { name: "Bookmarks bar", attributes: ' PERSONAL_TOOLBAR_FOLDER="true"' },
    { name: "Other bookmarks", attributes: "" },
    { name: "Mobile bookmarks", attributes: "" },
  ],
  linksAtTop: false,
  invalid: [
    "chrome://settings/",
    "chrome://flags/#enable-parallel-downloading",
    "javascript:(function(){location.href='https://pinboard.in/add?url='+encodeURIComponent(location.href)})();",
    "javascript:void(0)",
    "file:///C:/Users/ada/Documents/report.pdf",
    "file:///home/grace/notes.txt",
    "",
    "not a url",
    "http://",
    "about:blank",
  ],
  iconRate: 0.15,
  tagRate: 0,
  descriptionRate: 0,
  shortcutRate: 0,
  lastModified: false,
  iconUri: false,
};

const FIREFOX: Browser = {
  file: "firefox-5000",
  seed: 0xf1ef,
  header: [
    ...NETSCAPE_HEADER,
    '<meta http-equiv="Content-Security-Policy"',
    "      content=\"default-src 'self'; script-src 'none'; img-src data: *; object-src 'none'\"></meta>",
    "<TITLE>Bookmarks</TITLE>",
    "<H1>Bookmarks Menu</H1>",
    "",
    "<DL><p>",
  ],
  footer: "</DL>",
  containers: [
    { name: "Bookmarks Toolbar", attributes: ' PERSONAL_TOOLBAR_FOLDER="true"' },
    { name: "Other Bookmarks", attributes: ' UNFILED_BOOKMARKS_FOLDER="true"' },
    { name: "Mobile Bookmarks", attributes: "" },
  ],
  linksAtTop: true,
  invalid: [
    "place:sort=8&maxResults=10",
    "place:type=6&sort=14&maxResults=10",
    "place:parent=toolbar_____&excludeQueries=1",
    "javascript:void(document.body.style.zoom=1.5)",
    "file:///Users/alan/Desktop/plan.html",
    "",
    "%%%",
    "about:config",
    "http://",
  ],
  iconRate: 0.1,
  tagRate: 0.35,
  descriptionRate: 0.12,
  shortcutRate: 0.02,
  lastModified: true,
  iconUri: true,
};

const TAGS = ["read-later", "AI", "rust", "Design", "recipes", "travel", "日本", "🎵 music", "work", "reference", "to-do"];
// 2008-01-01 to 2025-06-30, in seconds.
const FIRST_ADDED = 1_199_145_600;
const LAST_ADDED = 1_751_241_600;

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function icon(random: Random): string {
  const base64 = "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAA";
  const body = Array.from({ length: random.int(4, 12) }, () => random.pick(["AElFTkSuQmCC", "Fk0lEQVQ4y2Nk", "YGBgZGD/z8DwHwAF", "+P+/AQAI"])).join("");
  return `data:image/png;base64,${base64}${body}`;
}

function faviconOf(url: string): string {
  const page = parseHttpUrl(url);
  return page === null ? "https://www.mozilla.org/favicon.ico" : new URL("/favicon.ico", page).href;
}

function title(random: Random): string {
  return `${random.pick(TITLE_PARTS)} ${random.pick(WORDS)} ${random.int(1, 999)}`;
}

// Variants a person would call the same page: normalizeUrl makes them equal.
function variant(url: string, random: Random): string {
  const parsed = new URL(url);
  const withHost = (host: (host: string) => string) =>
    url.replace(/^(https?:\/\/)([^/?#]+)/, (_, scheme: string, original: string) => `${scheme}${host(original)}`);
  switch (random.int(0, 3)) {
    case 0:
      parsed.searchParams.append("utm_source", "newsletter");
      parsed.searchParams.append("utm_medium", "email");
      return parsed.href;
    case 1:
      parsed.pathname = parsed.pathname.endsWith("/") ? parsed.pathname.slice(0, -1) : `${parsed.pathname}/`;
      return parsed.href;
    case 2:
      return withHost((host) => host.toUpperCase());
    default:
      return parsed.port === "" ? withHost((host) => `${host}:${parsed.protocol === "https:" ? 443 : 80}`) : `${url}#section`;
  }
}

function buildTree(browser: Browser, random: Random) {
  const top: Folder = { name: "", attributes: "", path: [], depth: 0, added: FIRST_ADDED, items: [] };
  const containers = browser.containers.map((container) => {
    const folder: Folder = { ...container, path: [], depth: 0, added: FIRST_ADDED, items: [] };
    return folder;
  });
  const all: Folder[] = [...(browser.linksAtTop ? [top] : []), ...containers];
  const addFolder = (parent: Folder, name: string) => {
    const folder: Folder = {
      name,
      attributes: "",
      path: [...parent.path, name],
      depth: parent.depth + 1,
      added: random.int(FIRST_ADDED, LAST_ADDED),
      items: [],
    };
    parent.items.push({ folder });
    all.push(folder);
    return folder;
  };
  // One chain to the deepest level, so the files always have it.
  let deepest = containers[0] ?? top;
  for (let depth = 1; depth <= MAX_DEPTH; depth += 1) {
    deepest = addFolder(deepest, `Level ${depth}`);
  }
  while (all.length < FOLDERS) {
    const parent = random.pick(all.filter((folder) => folder.depth < MAX_DEPTH));
    addFolder(parent, random.chance(0.8) ? random.pick(FOLDER_NAMES) : `${random.pick(FOLDER_NAMES)} ${random.int(2, 9)}`);
  }
  return { top, containers, folders: all };
}

function makeLinks(browser: Browser, random: Random): Link[] {
  const links: Link[] = [];
  const valid: string[] = [];
  const longAt = new Set(Array.from({ length: LONG_TITLES }, (_, i) => Math.floor(((i + 0.5) * LINKS) / LONG_TITLES)));
  for (let index = 0; index < LINKS; index += 1) {
    const roll = random.next();
    let kind: Kind = longAt.has(index) ? "long-title" : roll < 0.03 ? "invalid" : roll < 0.06 ? "duplicate" : roll < 0.1 ? "variant" : "valid";
    if ((kind === "duplicate" || kind === "variant") && valid.length === 0) kind = "valid";
    let url: string;
    if (kind === "invalid") url = random.pick(browser.invalid);
    else if (kind === "duplicate") url = random.pick(valid);
    else if (kind === "variant") url = variant(random.pick(valid), random);
    else {
      url = `${random.pick(SITES)(random)}`;
      valid.push(url);
    }
    // Sliced by code point so no emoji is cut in half.
    const longTitle =
      kind === "long-title"
        ? [...`${title(random)} — ${"Ünïcödé 長いタイトル 🧵 ".repeat(200)}`].slice(0, random.int(LONG_TITLE_MIN, 3000)).join("").trim()
        : null;
    const description = random.chance(browser.descriptionRate)
      ? random.chance(0.2)
        ? `${title(random)}\nSecond line with <angle> & "quotes"\nThird line`
        : `Saved because ${random.pick(WORDS)} & ${random.pick(WORDS)} matter.`
      : "";
    links.push({
      kind,
      url,
      title: longTitle ?? (random.chance(0.01) ? "" : title(random)),
      description,
      tags: random.chance(browser.tagRate) ? [...new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(TAGS)))] : [],
      added: random.int(FIRST_ADDED, LAST_ADDED),
      icon: random.chance(browser.iconRate) ? icon(random) : null,
      shortcut: random.chance(browser.shortcutRate) ? `${random.pick(WORDS)}${random.int(1, 99)}` : null,
    });
  }
  return links;
}

type Sample = { line: number; url: string; title: string; description: string; tags: string[]; folders: string[]; addedAt: string };

function render(browser: Browser) {
  const random = seeded(browser.seed);
  const tree = buildTree(browser, random);
  const links = makeLinks(browser, random);
  for (const link of links) {
    // Shallow folders hold more, like real collections.
    const candidates = tree.folders.filter((folder) => folder.depth <= random.int(0, MAX_DEPTH));
    random.pick(candidates.length > 0 ? candidates : tree.folders).items.push({ link });
  }

  const lines = [...browser.header];
  const written: (Sample & { kind: Kind })[] = [];
  let currentPath: string[] = [];
  const write = (items: Item[], indent: string) => {
    for (const item of items) {
      if ("folder" in item) writeFolder(item.folder, indent);
      else writeLink(item.link, currentPath, indent);
    }
  };
  const writeFolder = (folder: Folder, indent: string) => {
    const modified = ` LAST_MODIFIED="${folder.added + 60}"`;
    lines.push(`${indent}<DT><H3 ADD_DATE="${folder.added}"${modified}${folder.attributes}>${escapeHtml(folder.name)}</H3>`);
    lines.push(`${indent}<DL><p>`);
    const outer = currentPath;
    currentPath = folder.path;
    write(folder.items, `${indent}    `);
    currentPath = outer;
    lines.push(`${indent}</DL><p>`);
  };
  const writeLink = (link: Link, folders: string[], indent: string) => {
    const attributes = [
      `HREF="${escapeHtml(link.url)}"`,
      `ADD_DATE="${link.added}"`,
      ...(browser.lastModified ? [`LAST_MODIFIED="${link.added + 3600}"`] : []),
      ...(link.icon && browser.iconUri ? [`ICON_URI="${escapeHtml(faviconOf(link.url))}"`] : []),
      ...(link.icon ? [`ICON="${link.icon}"`] : []),
      ...(link.shortcut ? [`SHORTCUTURL="${link.shortcut}"`] : []),
      ...(link.tags.length > 0 ? [`TAGS="${escapeHtml(link.tags.join(","))}"`] : []),
    ];
    lines.push(`${indent}<DT><A ${attributes.join(" ")}>${escapeHtml(link.title)}</A>`);
    written.push({
      kind: link.kind,
      line: lines.length,
      url: link.url,
      title: link.title,
      description: link.description,
      tags: link.tags,
      folders,
      addedAt: new Date(link.added * 1000).toISOString(),
    });
    // One entry per physical line, so entry numbers stay line numbers.
    if (link.description !== "") lines.push(...`${indent}<DD>${escapeHtml(link.description)}`.split("\n"));
  };

  if (browser.linksAtTop) {
    write(tree.top.items, "    ");
    lines.push("    <HR>");
  }
  for (const container of tree.containers) writeFolder(container, "    ");
  lines.push(browser.footer);
  return { html: `${lines.join("\n")}\n`, written, tree };
}

function count<T>(values: T[], key: (value: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[key(value)] = (counts[key(value)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function expectations(browser: Browser, written: (Sample & { kind: Kind })[]) {
  const random = seeded(browser.seed ^ 0x5a5a);
  const valid = written.filter((entry) => parseHttpUrl(entry.url) !== null);
  const deepest = written.filter((entry) => entry.folders.length === MAX_DEPTH);
  const picks = [
    written[0],
    written.at(-1),
    deepest[0],
    ...(["invalid", "duplicate", "variant", "long-title"] as const).map((kind) => written.find((entry) => entry.kind === kind)),
    written.find((entry) => entry.description.includes("\n")),
    written.find((entry) => entry.tags.length > 1),
    ...Array.from({ length: 6 }, () => random.pick(written)),
  ];
  const samples = [...new Set(picks.filter((entry) => entry !== undefined))].map((entry) => ({
    line: entry.line,
    url: entry.url,
    title: entry.title,
    description: entry.description,
    tags: entry.tags,
    folders: entry.folders,
    addedAt: entry.addedAt,
  }));
  const dates = written.map((entry) => entry.addedAt).sort();
  return {
    file: `${browser.file}.html`,
    regenerate: "npx tsx scripts/make-bookmark-fixtures.ts",
    links: written.length,
    kinds: count(written, (entry) => entry.kind),
    invalidUrls: written.length - valid.length,
    distinctValidUrls: new Set(valid.map((entry) => normalizeUrl(entry.url))).size,
    longTitles: written.filter((entry) => entry.title.length > 2000).length,
    emptyTitles: written.filter((entry) => entry.title === "").length,
    described: written.filter((entry) => entry.description !== "").length,
    tagged: written.filter((entry) => entry.tags.length > 0).length,
    tags: count(written.flatMap((entry) => entry.tags), (tag) => tag),
    maxDepth: Math.max(...written.map((entry) => entry.folders.length)),
    addedAt: { first: dates[0], last: dates.at(-1) },
    folders: count(written, (entry) => entry.folders.join(" / ")),
    samples,
  };
}

mkdirSync(OUT_DIR, { recursive: true });
for (const browser of [CHROME, FIREFOX]) {
  const { html, written } = render(browser);
  writeFileSync(path.join(OUT_DIR, `${browser.file}.html`), html);
  writeFileSync(path.join(OUT_DIR, `${browser.file}.expected.json`), `${JSON.stringify(expectations(browser, written), null, 2)}\n`);
  console.log(`${browser.file}.html: ${written.length} links, ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB`);
}
