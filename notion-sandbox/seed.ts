/**
 * The deterministic starting state: people, workspaces, Shelf's OAuth client with its Bookmarks
 * template, and some other content. Ids are fixed so tests can name them.
 */
import { createDatabase, createPage, createParagraph, type Change } from "./content";
import { PAGE_TITLE_SCHEMA, parsePropertyValues, parseSchema } from "./properties";
import { textItem } from "./rich-text";
import { SandboxStore, type StoreSnapshot } from "./store";
import { CAPABILITIES, type OAuthClient, type Person, type SchemaProperty, type Workspace } from "./types";

export const SANDBOX_CLIENT_ID = "shelf-sandbox";
/** Not a secret: the sandbox is offline and its client exists only for development and tests. */
export const DEFAULT_SANDBOX_CLIENT_SECRET = "shelf-sandbox-secret";
export const DEFAULT_REDIRECT_URIS = [
  "http://localhost:3000/api/auth/callback/notion",
  "http://127.0.0.1:3000/api/auth/callback/notion",
];

export interface SeedOptions {
  /** When seeded content was created; fixed by default so every start looks the same. */
  time?: Date;
}

export interface ClientOptions {
  redirectUris?: string[];
  clientSecret?: string;
}

/** An offline avatar: Shelf shows avatars, and the sandbox must not depend on the network. */
function initialsAvatar(initials: string, color: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" rx="32" fill="${color}"/><text x="32" y="41" font-family="sans-serif" font-size="24" text-anchor="middle" fill="#fff">${initials}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

export const SEED_PEOPLE = {
  ada: { id: "e0000000-0000-4000-8000-000000000001", name: "Ada Lovelace", email: "ada@example.com", avatarUrl: initialsAvatar("AL", "#6940a5") },
  grace: { id: "e0000000-0000-4000-8000-000000000002", name: "Grace Hopper", email: "grace@example.com", avatarUrl: initialsAvatar("GH", "#0b6e99") },
  alan: { id: "e0000000-0000-4000-8000-000000000003", name: "Alan Turing", email: "alan@example.com", avatarUrl: null },
  katherine: { id: "e0000000-0000-4000-8000-000000000004", name: "Katherine Johnson", email: "katherine@example.com", avatarUrl: initialsAvatar("KJ", "#d9730d") },
  // Her own two workspaces keep the flows that change a person's security activity apart from the others'.
  dorothy: { id: "e0000000-0000-4000-8000-000000000005", name: "Dorothy Vaughan", email: "dorothy@example.com", avatarUrl: initialsAvatar("DV", "#0f7b6c") },
  // e2e/capture.spec.ts and e2e/duplicates.spec.ts save as Mary, so other specs' lists stay as they expect.
  mary: { id: "e0000000-0000-4000-8000-000000000017", name: "Mary Jackson", email: "mary@example.com", avatarUrl: initialsAvatar("MJ", "#ad1a72") },
  // e2e/never-twice.spec.ts saves under injected faults as Margaret, in a workspace no one else uses.
  margaret: { id: "e0000000-0000-4000-8000-000000000018", name: "Margaret Hamilton", email: "margaret@example.com", avatarUrl: initialsAvatar("MH", "#2f6f9f") },
  // e2e/api.spec.ts saves through the REST API as Hedy, in a workspace of her own.
  hedy: { id: "e0000000-0000-4000-8000-000000000019", name: "Hedy Lamarr", email: "hedy@example.com", avatarUrl: initialsAvatar("HL", "#337ea9") },
  // e2e/extension.spec.ts saves through the browser extension as Annie.
  annie: { id: "e0000000-0000-4000-8000-000000000020", name: "Annie Easley", email: "annie@example.com", avatarUrl: null },
  evelyn: { id: "e0000000-0000-4000-8000-000000000031", name: "Evelyn Boyd Granville", email: "evelyn@example.com", avatarUrl: null },
  // e2e/palette.spec.ts drives the command palette as Christine, in two workspaces of her own.
  christine: { id: "e0000000-0000-4000-8000-000000000044", name: "Christine Darden", email: "christine@example.com", avatarUrl: null },
  // e2e/order.spec.ts checks the save order and imported dates as Gladys, in a workspace of her own.
  gladys: { id: "e0000000-0000-4000-8000-000000000051", name: "Gladys West", email: "gladys@example.com", avatarUrl: null },
  // e2e/bulk.spec.ts changes thousands of rows at once as Joan, in two workspaces of her own.
  joan: { id: "e0000000-0000-4000-8000-000000000021", name: "Joan Clarke", email: "joan@example.com", avatarUrl: initialsAvatar("JC", "#9065b0") },
  // e2e/first-sync.spec.ts watches the first sync of thousands of rows as Sally, in a workspace of her own.
  sally: { id: "e0000000-0000-4000-8000-000000000090", name: "Sally Ride", email: "sally@example.com", avatarUrl: null },
  // e2e/reader.spec.ts turns readable content on and reads an article as Frances, in a workspace of her own.
  frances: { id: "e0000000-0000-4000-8000-000000000060", name: "Frances Allen", email: "frances@example.com", avatarUrl: initialsAvatar("FA", "#448361") },
} as const satisfies Record<string, Person>;

/** Icons cover the three kinds Notion sends in `workspace_icon`: an emoji, a URL and null. */
export const SEED_WORKSPACES = {
  notebook: {
    id: "f0000000-0000-4000-8000-000000000001",
    name: "Ada's Notebook",
    icon: "📓",
    memberIds: [SEED_PEOPLE.ada.id, SEED_PEOPLE.katherine.id],
  },
  engines: {
    id: "f0000000-0000-4000-8000-000000000002",
    name: "Analytical Engines",
    icon: initialsAvatar("AE", "#448361"),
    memberIds: [SEED_PEOPLE.ada.id, SEED_PEOPLE.grace.id],
  },
  labs: { id: "f0000000-0000-4000-8000-000000000003", name: "Hopper Labs", icon: null, memberIds: [SEED_PEOPLE.grace.id, SEED_PEOPLE.alan.id] },
  westArea: { id: "f0000000-0000-4000-8000-000000000004", name: "West Area Computing", icon: "🧮", memberIds: [SEED_PEOPLE.dorothy.id] },
  langley: { id: "f0000000-0000-4000-8000-000000000005", name: "Langley Research", icon: null, memberIds: [SEED_PEOPLE.dorothy.id] },
  tunnel: { id: "f0000000-0000-4000-8000-000000000017", name: "Wind Tunnel", icon: "🛩", memberIds: [SEED_PEOPLE.mary.id] },
  apollo: { id: "f0000000-0000-4000-8000-000000000018", name: "Apollo Guidance", icon: "🚀", memberIds: [SEED_PEOPLE.margaret.id] },
  signals: { id: "f0000000-0000-4000-8000-000000000019", name: "Frequency Hopping", icon: "📡", memberIds: [SEED_PEOPLE.hedy.id] },
  centaur: { id: "f0000000-0000-4000-8000-000000000020", name: "Centaur Rocket", icon: null, memberIds: [SEED_PEOPLE.annie.id] },
  orbits: { id: "f0000000-0000-4000-8000-000000000031", name: "Orbit Tables", icon: "🛰", memberIds: [SEED_PEOPLE.evelyn.id] },
  sonicBoom: { id: "f0000000-0000-4000-8000-000000000044", name: "Sonic Boom", icon: "💥", memberIds: [SEED_PEOPLE.christine.id] },
  supersonic: { id: "f0000000-0000-4000-8000-000000000045", name: "Supersonic Wings", icon: null, memberIds: [SEED_PEOPLE.christine.id] },
  geodesy: { id: "f0000000-0000-4000-8000-000000000051", name: "Satellite Geodesy", icon: "🛰", memberIds: [SEED_PEOPLE.gladys.id] },
  hut8: { id: "f0000000-0000-4000-8000-000000000021", name: "Hut 8", icon: "🔐", memberIds: [SEED_PEOPLE.joan.id] },
  hut11: { id: "f0000000-0000-4000-8000-000000000022", name: "Hut 11", icon: null, memberIds: [SEED_PEOPLE.joan.id] },
  manifest: { id: "f0000000-0000-4000-8000-000000000090", name: "Shuttle Manifest", icon: "🚀", memberIds: [SEED_PEOPLE.sally.id] },
  compilers: { id: "f0000000-0000-4000-8000-000000000060", name: "Compiler Notes", icon: "📚", memberIds: [SEED_PEOPLE.frances.id] },
} as const satisfies Record<string, Workspace>;

/** The template lives in the developer's own workspace, which no seeded person belongs to. */
export const SEED_TEMPLATE = {
  workspaceId: "f0000000-0000-4000-8000-0000000000de",
  authorId: "e0000000-0000-4000-8000-0000000000de",
  pageId: "7e000000-0000-4000-8000-000000000001",
  databaseId: "7e000000-0000-4000-8000-000000000002",
  dataSourceId: "7e000000-0000-4000-8000-000000000003",
} as const;

/** Other seeded content, by workspace. */
export const SEED_CONTENT = {
  notebook: {
    gettingStartedPageId: "c0000000-0000-4000-8000-000000000101",
    researchPageId: "c0000000-0000-4000-8000-000000000102",
    /** Bookmark-like, but with other property names: Article, Link, Notes, Topics, Added. */
    readingListDatabaseId: "c0000000-0000-4000-8000-000000000103",
    readingListDataSourceId: "c0000000-0000-4000-8000-000000000104",
    tasksDatabaseId: "c0000000-0000-4000-8000-000000000105",
    tasksDataSourceId: "c0000000-0000-4000-8000-000000000106",
  },
  engines: {
    wikiPageId: "c0000000-0000-4000-8000-000000000201",
    onboardingPageId: "c0000000-0000-4000-8000-000000000202",
    projectsDatabaseId: "c0000000-0000-4000-8000-000000000203",
    projectsDataSourceId: "c0000000-0000-4000-8000-000000000204",
  },
  labs: {
    labNotesPageId: "c0000000-0000-4000-8000-000000000301",
  },
  manifest: {
    /** Holds an empty database with Shelf's Bookmarks schema, filled by the test that uses it (seedRows). */
    flightLogPageId: "c0000000-0000-4000-8000-000000000090",
    bookmarksDatabaseId: "c0000000-0000-4000-8000-000000000091",
    bookmarksDataSourceId: "c0000000-0000-4000-8000-000000000092",
  },
} as const;

const DEFAULT_SEED_TIME = new Date("2026-01-05T09:00:00.000Z");

/** The Bookmarks schema Shelf expects, with fixed property ids. */
const BOOKMARKS_SCHEMA: SchemaProperty[] = [
  { id: "title", name: "Name", type: "title", description: null },
  { id: "Bk%3Bu", name: "URL", type: "url", description: null },
  { id: "Bk%3Bd", name: "Description", type: "rich_text", description: null },
  { id: "Bk%3Bt", name: "Tags", type: "multi_select", description: null, options: [] },
  { id: "Bk%3Bs", name: "Saved", type: "date", description: null },
  { id: "Bk%3Bc", name: "Created", type: "created_time", description: null },
];

export function emptySnapshot(): StoreSnapshot {
  return {
    version: 2,
    seq: 0,
    people: [],
    workspaces: [],
    clients: [],
    bots: [],
    tokens: [],
    codes: [],
    pages: [],
    databases: [],
    dataSources: [],
    blocks: [],
  };
}

const title = (text: string) => [textItem(text)];
const pageTitle = (text: string) => parsePropertyValues({ title: { title: [{ text: { content: text } }] } }, PAGE_TITLE_SCHEMA, "seed");

function seedTemplate(store: SandboxStore, change: Change): void {
  const page = createPage(
    store,
    { id: SEED_TEMPLATE.pageId, workspaceId: SEED_TEMPLATE.workspaceId, parent: { type: "workspace" }, values: pageTitle("Shelf Bookmarks"), icon: { type: "emoji", emoji: "🔖" } },
    change,
  );
  createParagraph(store, page, title("Everything you save in Shelf lands in the database below."), change);
  createDatabase(
    store,
    {
      ids: { database: SEED_TEMPLATE.databaseId, dataSource: SEED_TEMPLATE.dataSourceId },
      workspaceId: SEED_TEMPLATE.workspaceId,
      parent: { type: "page_id", id: page.id },
      title: title("Bookmarks"),
      isInline: true,
      schema: structuredClone(BOOKMARKS_SCHEMA),
    },
    change,
  );
}

function seedNotebook(store: SandboxStore, change: Change): void {
  const ids = SEED_CONTENT.notebook;
  const workspaceId = SEED_WORKSPACES.notebook.id;
  const welcome = createPage(store, { id: ids.gettingStartedPageId, workspaceId, parent: { type: "workspace" }, values: pageTitle("Getting started") }, change);
  createParagraph(store, welcome, title("Welcome to Ada's Notebook."), change);
  const research = createPage(store, { id: ids.researchPageId, workspaceId, parent: { type: "workspace" }, values: pageTitle("Research") }, change);
  const { dataSource: readingList } = createDatabase(
    store,
    {
      ids: { database: ids.readingListDatabaseId, dataSource: ids.readingListDataSourceId },
      workspaceId,
      parent: { type: "page_id", id: research.id },
      title: title("Reading list"),
      schema: parseSchema(
        { Article: { title: {} }, Link: { url: {} }, Notes: { rich_text: {} }, Topics: { multi_select: { options: [{ name: "math", color: "blue" }] } }, Added: { created_time: {} } },
        "seed",
      ),
    },
    change,
  );
  const readingRows: Array<[string, string, string[]]> = [
    ["Sketch of the Analytical Engine", "https://example.com/analytical-engine", ["math", "history"]],
    ["On Computable Numbers", "https://example.com/computable-numbers", ["math"]],
    ["As We May Think", "https://example.com/as-we-may-think", []],
  ];
  for (const [article, link, topics] of readingRows) {
    const values = parsePropertyValues(
      { Article: { title: [{ text: { content: article } }] }, Link: { url: link }, Topics: { multi_select: topics.map((name) => ({ name })) } },
      readingList.properties,
      "seed",
    );
    createPage(store, { workspaceId, parent: { type: "data_source_id", id: readingList.id }, values }, change);
  }
  createDatabase(
    store,
    {
      ids: { database: ids.tasksDatabaseId, dataSource: ids.tasksDataSourceId },
      workspaceId,
      parent: { type: "workspace" },
      title: title("Tasks"),
      schema: parseSchema({ Task: { title: {} }, Done: { checkbox: {} }, Due: { date: {} }, Priority: { select: { options: [{ name: "High", color: "red" }, { name: "Low", color: "gray" }] } } }, "seed"),
    },
    change,
  );
}

function seedEngines(store: SandboxStore, change: Change): void {
  const ids = SEED_CONTENT.engines;
  const workspaceId = SEED_WORKSPACES.engines.id;
  const wiki = createPage(store, { id: ids.wikiPageId, workspaceId, parent: { type: "workspace" }, values: pageTitle("Team wiki"), icon: { type: "emoji", emoji: "📚" } }, change);
  createParagraph(store, wiki, title("How the Analytical Engines team works."), change);
  createPage(store, { id: ids.onboardingPageId, workspaceId, parent: { type: "page_id", id: wiki.id }, values: pageTitle("Onboarding") }, change);
  createDatabase(
    store,
    {
      ids: { database: ids.projectsDatabaseId, dataSource: ids.projectsDataSourceId },
      workspaceId,
      parent: { type: "page_id", id: wiki.id },
      title: title("Projects"),
      schema: parseSchema({ Project: { title: {} }, Status: { select: { options: [{ name: "Active", color: "green" }] } }, Budget: { number: {} } }, "seed"),
    },
    change,
  );
}

function seedLabs(store: SandboxStore, change: Change): void {
  const page = createPage(
    store,
    { id: SEED_CONTENT.labs.labNotesPageId, workspaceId: SEED_WORKSPACES.labs.id, parent: { type: "workspace" }, values: pageTitle("Lab notes") },
    change,
  );
  createParagraph(store, page, title("First actual case of bug being found."), change);
}

function seedManifest(store: SandboxStore, change: Change): void {
  const ids = SEED_CONTENT.manifest;
  const workspaceId = SEED_WORKSPACES.manifest.id;
  const page = createPage(store, { id: ids.flightLogPageId, workspaceId, parent: { type: "workspace" }, values: pageTitle("Flight log") }, change);
  createDatabase(
    store,
    {
      ids: { database: ids.bookmarksDatabaseId, dataSource: ids.bookmarksDataSourceId },
      workspaceId,
      parent: { type: "page_id", id: page.id },
      title: title("Bookmarks"),
      schema: structuredClone(BOOKMARKS_SCHEMA),
    },
    change,
  );
}

export function shelfClient(options: ClientOptions): OAuthClient {
  return {
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEFAULT_SANDBOX_CLIENT_SECRET,
    name: "Shelf",
    redirectUris: options.redirectUris ?? DEFAULT_REDIRECT_URIS,
    templatePageId: SEED_TEMPLATE.pageId,
    capabilities: [...CAPABILITIES],
  };
}

/**
 * The starting snapshot. With `seed: false` only Shelf's client and its template exist: no
 * people, so nobody can sign in until a test adds state of its own.
 */
export function buildSeed(seed: SeedOptions | false, client: ClientOptions): StoreSnapshot {
  const store = new SandboxStore(emptySnapshot());
  store.clients.set(SANDBOX_CLIENT_ID, shelfClient(client));
  const now = (seed === false ? DEFAULT_SEED_TIME : (seed.time ?? DEFAULT_SEED_TIME)).getTime();
  seedTemplate(store, { actorId: SEED_TEMPLATE.authorId, now });
  if (seed !== false) {
    for (const person of Object.values(SEED_PEOPLE)) store.people.set(person.id, { ...person });
    for (const workspace of Object.values(SEED_WORKSPACES)) store.workspaces.set(workspace.id, { ...workspace, memberIds: [...workspace.memberIds] });
    seedNotebook(store, { actorId: SEED_PEOPLE.ada.id, now });
    seedEngines(store, { actorId: SEED_PEOPLE.grace.id, now });
    seedLabs(store, { actorId: SEED_PEOPLE.grace.id, now });
    seedManifest(store, { actorId: SEED_PEOPLE.sally.id, now });
  }
  return store.snapshot();
}
