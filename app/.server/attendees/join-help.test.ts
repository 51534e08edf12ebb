import { describe, expect, it } from "vitest";
import { addMember, createEvent, createUser } from "tests/factories";
import { joinHelp } from "./join-help";

describe("joinHelp", () => {
  it("names the PD day's coordinators (the people who keep the list) and its walk-up domain", async () => {
    const event = await createEvent({ status: "live", allowedEmailDomain: "Springfield.k12.us " });
    const dana = await createUser({ name: "Dana Whitfield" });
    const attendee = await createUser({ name: "Keisha Reyes" });
    await addMember(event.id, dana.id, "coordinator");
    await addMember(event.id, attendee.id, "attendee");
    const help = await joinHelp(event);
    expect(help).toEqual({
      walkUpDomain: "springfield.k12.us",
      contacts: [{ name: "Dana Whitfield", email: dana.email }],
    });
  });
});
