// PD-day dates are wall-clock strings ("2026-12-05"); format them without letting
// the viewer's own time zone shift the day.
export function formatEventDate(date: string) {
  const parsed = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return parsed.toLocaleDateString("en-US", {
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
}

/**
 * An instant shown in a named zone (the event's), so the server's rendering and
 * the browser's agree and everyone reads the same local time.
 */
export function formatTimestamp(value: string | Date, timeZone = "UTC") {
  const text = new Date(value).toLocaleString("en-US", {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  });
  return timeZone === "UTC" ? `${text} UTC` : text;
}
