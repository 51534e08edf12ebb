// What a kiosk device's session may open: its PD day's door pages and signing out.
// Kept apart from kiosk-links.ts because every signed-in request asks it.

const DOOR_PAGES = ["kiosk", "kiosk/sync", "live"];

export function deviceMayOpen(pathname: string, slug: string) {
  if (pathname === "/logout") return true;
  return DOOR_PAGES.some((page) => pathname === `/events/${slug}/${page}`);
}
