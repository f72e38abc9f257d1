// Runs once when the server starts. The work is Node-only, so it lives in lib/startup.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./lib/startup")).start();
}
