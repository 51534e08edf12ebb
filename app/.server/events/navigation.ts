// Which of the site's main links a signed-in person can use, so the header never
// offers a page that would answer "Not allowed". Asked on every page load, so it
// is one prepared statement on the direct SQLite connection.
import { statement } from "~/utils/sqlite.server";

export type Navigation = {
  /** A kiosk device: its door pages only, no other links. */
  kioskSlug: string | null;
  /** "My proposals": presenters, and anyone who proposed or co-presents. */
  proposals: boolean;
  /** "Outbox": the district's coordinators and PD days' coordinators (as listOutbox allows). */
  outbox: boolean;
};

export function navigationFor(user: { id: string; isDistrictCoordinator: boolean; kioskSlug: string | null }): Navigation {
  if (user.kioskSlug) return { kioskSlug: user.kioskSlug, proposals: false, outbox: false };
  const row = statement(
    `SELECT EXISTS (SELECT 1 FROM Membership WHERE userId = @id AND role = 'coordinator') AS coordinates,
            EXISTS (SELECT 1 FROM Membership WHERE userId = @id AND role = 'presenter')
              OR EXISTS (SELECT 1 FROM Proposal WHERE presenterId = @id)
              OR EXISTS (SELECT 1 FROM ProposalCoPresenter WHERE userId = @id) AS presents`,
  ).get({ id: user.id }) as { coordinates: number; presents: number };
  return { kioskSlug: null, proposals: Boolean(row.presents), outbox: user.isDistrictCoordinator || Boolean(row.coordinates) };
}
