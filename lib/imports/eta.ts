/** Time left in words, for the progress bar: rounded up, never falsely precise. */
export function etaInWords(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds <= 0) return "finishing…";
  if (seconds < 60) return "less than a minute left";
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? "" : "s"} left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${hours} hour${hours === 1 ? "" : "s"}${rest ? ` ${rest} minute${rest === 1 ? "" : "s"}` : ""} left`;
}
