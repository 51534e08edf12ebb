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

// Building an Intl.DateTimeFormat costs ~0.1 ms (toLocaleString builds one per
// call); on the door's check-in path that was the biggest single cost, and
// exports convert hundreds of times. Keep one per locale and options.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A shared Intl.DateTimeFormat; pass options in the same key order at a call site. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}
