// Runs once when the server starts: a bad or missing setting stops it with a clear message.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
