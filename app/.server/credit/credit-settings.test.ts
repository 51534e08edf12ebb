import { describe, expect, test } from "vitest";
import { createAttendee, createPublishedDay } from "tests/factories";
import { CreditSettingsSchema, SessionCategoriesSchema } from "~/schemas/credit";
import { db } from "~/utils/db.server";
import { getCreditSettings, saveCreditSettings, tagSession } from "./credit-settings";

const settings = (version: string, overrides: Record<string, string> = {}) =>
  CreditSettingsSchema.parse({
    providerName: "Springfield USD",
    providerNumber: "PA-1",
    creditCategories: "Act 48\nTechnology",
    dailyCapHours: "6",
    version,
    ...overrides,
  });

describe("credit rules and categories", { timeout: 30_000 }, () => {
  test("a coordinator sets the rules and tags a session; a save over a colleague's change is refused", async () => {
    const day = await createPublishedDay();
    const { settings: read } = await getCreditSettings(day.coordinator.id, day.event.id);
    await saveCreditSettings(day.coordinator.id, day.event.id, settings(read.version, { feedbackForCredit: "on" }));
    expect(await db.event.findUniqueOrThrow({ where: { id: day.event.id } })).toMatchObject({
      providerNumber: "PA-1",
      creditCategories: "Act 48\nTechnology",
      feedbackForCredit: true,
      dailyCapMinutes: 360,
    });
    // The second tab still holds the version read before the save.
    await expect(saveCreditSettings(day.coordinator.id, day.event.id, settings(read.version))).rejects.toThrow(
      "Someone else changed these settings",
    );

    const tag = (categories: string[], was: string) =>
      SessionCategoriesSchema.parse({ proposalId: day.a1.proposalId, categories, was });
    await tagSession(day.coordinator.id, day.event.id, tag(["Technology", "Act 48"], ""));
    // Stored in the day's order; a browser posts the hidden "was" with CRLF line ends.
    expect((await db.proposal.findUniqueOrThrow({ where: { id: day.a1.proposalId } })).creditCategories).toBe(
      "Act 48\nTechnology",
    );
    await expect(tagSession(day.coordinator.id, day.event.id, tag(["Act 48"], ""))).rejects.toThrow(
      "Someone else changed the categories",
    );
    await tagSession(day.coordinator.id, day.event.id, tag(["Act 48"], "Act 48\r\nTechnology"));
    await expect(
      tagSession(day.coordinator.id, day.event.id, tag(["Underwater basket weaving"], "Act 48")),
    ).rejects.toThrow("not one of this PD day's credit categories");
  });

  test("only the PD day's coordinators change its rules or tags", async () => {
    const day = await createPublishedDay();
    const other = await createPublishedDay();
    const { user } = await createAttendee(day.event.id);
    const { settings: read } = await getCreditSettings(day.coordinator.id, day.event.id);
    for (const actor of [user.id, other.coordinator.id]) {
      await expect(getCreditSettings(actor, day.event.id)).rejects.toThrow("coordinators");
      await expect(saveCreditSettings(actor, day.event.id, settings(read.version))).rejects.toThrow("coordinators");
      await expect(
        tagSession(
          actor,
          day.event.id,
          SessionCategoriesSchema.parse({ proposalId: day.a1.proposalId, categories: [], was: "" }),
        ),
      ).rejects.toThrow("coordinators");
    }
    // Another day's coordinator cannot tag this day's session through their own day either.
    await db.event.update({ where: { id: other.event.id }, data: { creditCategories: "Act 48" } });
    await expect(
      tagSession(
        other.coordinator.id,
        other.event.id,
        SessionCategoriesSchema.parse({ proposalId: day.a1.proposalId, categories: ["Act 48"], was: "" }),
      ),
    ).rejects.toThrow("not on this PD day");
  });
});
