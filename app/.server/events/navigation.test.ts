import { describe, expect, test } from "vitest";
import { addMember, createEvent, createProposal, createUser } from "../../../tests/factories";
import { navigationFor } from "./navigation";

const asUser = (user: { id: string; isDistrictCoordinator: boolean }) => navigationFor({ ...user, kioskSlug: null });

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

    expect(asUser(attendee)).toMatchObject({ proposals: false, outbox: false });
    expect(asUser(presenter)).toMatchObject({ proposals: true, outbox: false });
    expect(asUser(volunteer)).toMatchObject({ proposals: false, outbox: false });
    expect(asUser(coordinator)).toMatchObject({ proposals: false, outbox: true });
    expect(asUser(district)).toMatchObject({ proposals: false, outbox: true });
  });

  test("someone who proposed (not yet a presenter) finds their proposals; a kiosk device finds its door only", async () => {
    const event = await createEvent();
    const teacher = await createUser();
    await createProposal(event.id, teacher.id);
    expect(asUser(teacher).proposals).toBe(true);
    expect(navigationFor({ id: teacher.id, isDistrictCoordinator: false, kioskSlug: event.slug })).toEqual({
      kioskSlug: event.slug,
      proposals: false,
      outbox: false,
    });
  });
});
