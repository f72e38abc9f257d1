// Imported first by bench/run.ts, so these hold for every module the benchmarks load (the logger
// reads its level when it is first imported).
// Benchmarks save example addresses; fetching their pages would measure the internet, not Shelf.
process.env.LINK_METADATA ??= "off";
// One line per Notion call would drown the results.
process.env.LOG_LEVEL ??= "warn";
