// What a kiosk device's session may open: its PD day's door pages and signing out.
// Kept apart from kiosk-links.ts because every signed-in request asks it.

// kiosk/roster: the names the kiosk keeps on the device for offline search.
const DOOR_PAGES = ["kiosk", "kiosk/sync", "kiosk/roster", "live"];

export function deviceMayOpen(pathname: string, slug: string) {
  if (pathname === "/logout") return true;
  return DOOR_PAGES.some((page) => pathname === `/events/${slug}/${page}`);
}
