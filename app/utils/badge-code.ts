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
