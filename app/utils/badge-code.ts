// What a badge's QR carries, read the same way by the server and by the kiosk's
// own JavaScript (which names a queued scan while the server is unreachable).

/** What a scanner read: the badge URL, or a bare token typed by hand. */
export function tokenFromScan(value: string) {
  const text = value.trim();
  if (!/^https?:\/\//i.test(text)) return text;
  try {
    return new URL(text).searchParams.get("token") ?? "";
  } catch {
    return "";
  }
}

/**
 * The badge's short code is drawn from these 30 (a database trigger makes it:
 * migration 20261202134500): no 0/O, 1/I/L or U, so a code read off a badge is
 * typed right the first time.
 */
export const SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const SHORT_CODE = new RegExp(`^[${SHORT_CODE_ALPHABET}]{8}$`);

/**
 * A typed short code as stored ("K7QM-3XPA", "k7qm 3xpa" → "K7QM3XPA"), or null
 * when the text is not one (a badge token or URL is never 8 of these characters).
 */
export function shortCodeFromTyped(value: string) {
  const code = value.replace(/[\s-]+/g, "").toUpperCase();
  return SHORT_CODE.test(code) ? code : null;
}

/** "K7QM3XPA" → "K7QM-3XPA", as badges show it. */
export function formatShortCode(code: string) {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
