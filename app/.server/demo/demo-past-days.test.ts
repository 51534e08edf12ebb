import { expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { getPdRecord } from "../credit/record";
import { defaultSpan } from "../credit/school-year";
import { yearlyHrRows } from "../credit/hr-export";
import { DEMO_LOGINS, seedDemoIfEmpty } from "./demo-day";

test("a newcomer sees a real transcript: the demo attendee has two past PD days with hours per year and category", async () => {
  await seedDemoIfEmpty();
  const attendee = await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGINS[2].email } });
  const record = await getPdRecord(attendee.id, defaultSpan());
  expect(record.days).toHaveLength(2);
  expect(record.days.every((d) => d.hours > 0 && d.providerNumber !== "")).toBe(true);
  // 88 and 305 days back always straddle a July 1: two school years.
  expect(record.byYear).toHaveLength(2);
  expect(record.total).toBe(4);
  expect(record.byCategory.map((c) => c.label)).toContain("Act 48");
  // The demo teacher's presenting counts double on those days.
  const teacher = await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGINS[1].email } });
  expect((await getPdRecord(teacher.id, defaultSpan())).days.map((d) => d.lines[0]!.kind)).toEqual([
    "presented",
    "presented",
  ]);
  // The district coordinator's yearly export has the past days' rows.
  const coordinator = await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGINS[0].email } });
  const schoolYear = Number(record.days[1]!.schoolYear.slice(0, 4));
  expect((await yearlyHrRows(coordinator.id, schoolYear)).some((r) => r[1] === "Jordan Price")).toBe(true);
}, 120_000);
