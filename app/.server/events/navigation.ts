// Which of the site's main links a signed-in person can use, so the header never
// offers a page that would answer "Not allowed". Asked on every page load, so it
// is one prepared statement on the direct SQLite connection.
import { statement } from "~/utils/sqlite.server";

type NavLinkTo = { to: string; label: string };
/** Where the brand link goes, and the header's links in order. Made here, so attendee pages ship no rules. */
export type Navigation = { home: string; links: NavLinkTo[] };

export function navigationFor(user: {
  id: string;
  isDistrictCoordinator: boolean;
  kioskSlug: string | null;
}): Navigation {
  // A kiosk device: its door pages only.
  if (user.kioskSlug) {
    const kiosk = `/events/${user.kioskSlug}/kiosk`;
    return {
      home: kiosk,
      links: [
        { to: kiosk, label: "Door check-in" },
        { to: `/events/${user.kioskSlug}/live`, label: "Live" },
      ],
    };
  }
  const row = statement(
    `SELECT EXISTS (SELECT 1 FROM Membership WHERE userId = @id AND role = 'coordinator') AS coordinates,
            EXISTS (SELECT 1 FROM Membership WHERE userId = @id AND role = 'presenter')
              OR EXISTS (SELECT 1 FROM Proposal WHERE presenterId = @id)
              OR EXISTS (SELECT 1 FROM ProposalCoPresenter WHERE userId = @id) AS presents`,
  ).get({ id: user.id }) as { coordinates: number; presents: number };
  const links = [{ to: "/events", label: "PD days" }];
  // "My proposals": presenters, and anyone who proposed or co-presents.
  if (row.presents) links.push({ to: "/proposals", label: "My proposals" });
  // "Outbox": as listOutbox allows, the district's coordinators and PD days' coordinators.
  if (user.isDistrictCoordinator || row.coordinates) links.push({ to: "/outbox", label: "Outbox" });
  return { home: "/events", links };
}
