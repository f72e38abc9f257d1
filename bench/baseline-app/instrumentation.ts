// Nothing runs at start. Without this file the build takes Shelf's own (the repository root's, the
// workspace root Turbopack builds from), which would start Shelf's worker in the baseline.
export function register() {}
