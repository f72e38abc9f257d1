/**
 * The import-cycle check of `npm test` (`npm run check:cycles`). A cycle between modules means
 * neither can be read, tested or moved alone; type-only imports vanish at compile time and are
 * not counted.
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycle: break it by moving what both need into a module of its own (docs/architecture.md, import directions).",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|\\.data|test-results|playwright-report)/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: false,
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".mts", ".js", ".mjs"] },
  },
};
