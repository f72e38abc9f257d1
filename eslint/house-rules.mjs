// Shelf's house rules as lint rules (docs/architecture.md, "Rules of the house"). Each rule looks at
// one file's imports; which files a rule applies to is chosen in eslint.config.mjs.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Every module a file pulls in: static imports, re-exports, import() and require(). */
function eachImport(context, check) {
  const visit = (node, source, typeOnly) => {
    if (source && typeof source.value === "string") check(node, source.value, typeOnly);
  };
  const allTypes = (node) =>
    node.importKind === "type" ||
    node.exportKind === "type" ||
    (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === "type" || s.exportKind === "type"));
  return {
    ImportDeclaration: (node) => visit(node, node.source, allTypes(node)),
    ExportNamedDeclaration: (node) => visit(node, node.source, allTypes(node)),
    ExportAllDeclaration: (node) => visit(node, node.source, node.exportKind === "type"),
    ImportExpression: (node) => visit(node, node.source.type === "Literal" ? node.source : null, false),
    CallExpression: (node) => {
      if (node.callee.type === "Identifier" && node.callee.name === "require" && node.arguments[0]?.type === "Literal") {
        visit(node, node.arguments[0], false);
      }
    },
  };
}

/** A local import's file (`@/x`, `./x`), or null for a package. */
function resolveLocal(fromFile, source) {
  let base;
  if (source.startsWith("@/")) base = path.join(ROOT, source.slice(2));
  else if (source.startsWith(".")) base = path.resolve(path.dirname(fromFile), source);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const relative = (file) => path.relative(ROOT, file).split(path.sep).join("/");

/** A value import of a package (or one of its subpaths) the file may not use. */
function packageRule(description, packages, message) {
  return {
    meta: { type: "problem", docs: { description }, schema: [], messages: { forbidden: message } },
    create: (context) =>
      eachImport(context, (node, source, typeOnly) => {
        if (typeOnly) return;
        if (packages.some((p) => source === p || source.startsWith(`${p}/`))) context.report({ node, messageId: "forbidden", data: { source } });
      }),
  };
}

const isSandbox = (file) => /^notion-sandbox(\/|$)/.test(file);

const noSandboxInApp = {
  meta: {
    type: "problem",
    docs: { description: "App code never imports the Notion sandbox; tests, scripts and benchmarks start it." },
    schema: [],
    messages: { forbidden: "App code must not import the Notion sandbox ({{source}}); only tests, scripts, e2e and bench start it." },
  },
  create: (context) =>
    eachImport(context, (node, source) => {
      const bare = source.replace(/^@\//, "");
      const file = resolveLocal(context.filename, source);
      if (isSandbox(bare) || (file && isSandbox(relative(file)))) context.report({ node, messageId: "forbidden", data: { source } });
    }),
};

const SERVER_ONLY_MARK = /^\s*import\s+["']server-only["'];?\s*$/m;
const USE_SERVER = /^\s*["']use server["'];?/;

/** Modules that must stay on the server: marked `server-only`, the database, the repositories. */
function serverModuleReason(file) {
  const rel = relative(file);
  if (rel.startsWith("db/")) return "the database";
  if (/^lib\/[^/]+\/(queries\.ts|queries\/)/.test(rel)) return "a repository";
  const text = fs.readFileSync(file, "utf8");
  if (USE_SERVER.test(text)) return null; // server actions are meant to be called from the client
  if (SERVER_ONLY_MARK.test(text)) return "marked server-only";
  return null;
}

const clientServerBoundary = {
  meta: {
    type: "problem",
    docs: { description: "Client components never import server modules." },
    schema: [],
    messages: {
      forbidden: "A client component must not import the server module {{source}} ({{reason}}). Pass a DTO from a server component or call a server action.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    const isClient = program.body.some((s) => s.type === "ExpressionStatement" && s.directive === "use client");
    if (!isClient) return {};
    return eachImport(context, (node, source, typeOnly) => {
      if (typeOnly) return;
      if (source === "server-only" || source.startsWith("node:")) {
        context.report({ node, messageId: "forbidden", data: { source, reason: "server runtime" } });
        return;
      }
      const file = resolveLocal(context.filename, source);
      const reason = file && serverModuleReason(file);
      if (reason) context.report({ node, messageId: "forbidden", data: { source, reason } });
    });
  },
};

const LONG_FILE = 250;

/** A file over 250 lines says at its top why it is one file (docs/architecture.md, "Rules of the house"). */
const longFileNeedsReason = {
  meta: {
    type: "suggestion",
    docs: { description: `A file over ${LONG_FILE} lines starts with a comment that says why it is one file ("over ${LONG_FILE} lines: …").` },
    schema: [],
    messages: {
      split: `This file has {{lines}} lines: split it by concern, or say at its top why it is one file, in a comment that names it "over ${LONG_FILE} lines".`,
    },
  },
  create(context) {
    const { sourceCode } = context;
    // As `wc -l` counts: the empty string after the last newline is no line.
    const lines = sourceCode.lines.length - (sourceCode.lines.at(-1) === "" ? 1 : 0);
    if (lines <= LONG_FILE) return {};
    const first = sourceCode.getAllComments()[0];
    const atTop = first && sourceCode.text.slice(0, first.range[0]).replace(/["']use (client|server)["'];?/, "").trim() === "";
    if (atTop && first.value.includes(`over ${LONG_FILE} lines`)) return {};
    return { Program: (node) => context.report({ node, loc: { line: 1, column: 0 }, messageId: "split", data: { lines } }) };
  },
};

export const houseRules = {
  rules: {
    "notion-client-only-in-lib-notion": packageRule(
      "Only lib/notion/ imports @notionhq/client values (types are fine anywhere).",
      ["@notionhq/client"],
      "Only lib/notion/ may import values from {{source}}; import a type, or add what you need to lib/notion/.",
    ),
    "sql-only-in-repositories": packageRule(
      "Only db/ and repository files (lib/<domain>/queries.ts, lib/<domain>/queries/*.ts) build SQL with drizzle-orm.",
      ["drizzle-orm"],
      "SQL lives in db/ and the repositories (lib/<domain>/queries.ts or lib/<domain>/queries/*.ts): move this query there instead of importing {{source}}.",
    ),
    "no-sandbox-in-app": noSandboxInApp,
    "client-server-boundary": clientServerBoundary,
    "long-file-needs-reason": longFileNeedsReason,
  },
};
