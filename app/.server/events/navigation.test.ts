import { describe, expect, test } from "vitest";
import { addMember, createEvent, createProposal, createUser } from "../../../tests/factories";
import { navigationFor } from "./navigation";

const asUser = (user: { id: string; isDistrictCoordinator: boolean }) =>
  navigationFor({ ...user, kioskSlug: null }).links.map((l) => l.label);

describe("navigationFor", () => {
  test("each role sees only the main links it can use", async () => {
    const event = await createEvent();
    const [attendee, presenter, volunteer, coordinator, district] = await Promise.all([
      createUser(),
      createUser(),
      createUser(),
      createUser(),
      createUser({ districtCoordinator: true }),
    ]);
    await addMember(event.id, attendee.id, "attendee");
    await addMember(event.id, presenter.id, "presenter");
    await addMember(event.id, volunteer.id, "door");
    await addMember(event.id, coordinator.id, "coordinator");

    expect(asUser(attendee)).toEqual(["PD days"]);
    expect(asUser(presenter)).toEqual(["PD days", "My proposals"]);
    expect(asUser(volunteer)).toEqual(["PD days"]);
    expect(asUser(coordinator)).toEqual(["PD days", "Outbox"]);
    expect(asUser(district)).toEqual(["PD days", "Outbox"]);
  });

  test("someone who proposed (not yet a presenter) finds their proposals; a kiosk device finds its door only", async () => {
    const event = await createEvent();
    const teacher = await createUser();
    await createProposal(event.id, teacher.id);
    expect(asUser(teacher)).toContain("My proposals");
    expect(navigationFor({ id: teacher.id, isDistrictCoordinator: false, kioskSlug: event.slug })).toEqual({
      home: `/events/${event.slug}/kiosk`,
      links: [
        { to: `/events/${event.slug}/kiosk`, label: "Door check-in" },
        { to: `/events/${event.slug}/live`, label: "Live" },
      ],
    });
  });
});
