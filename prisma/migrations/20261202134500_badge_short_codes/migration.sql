-- The badge's short typed code (issue 20): 8 characters a volunteer can read off a
-- badge and type, from 30 without look-alikes (no 0/O, 1/I/L, U), unique within
-- the PD day. Like the badge token (migration 20261202123500), a trigger gives every
-- attendee membership its code when it is made or becomes an attendee's, however
-- the person joined (roster import, walk-in, code, invitation, role change), so no
-- insert anywhere has to know about it.
--
-- A collision must never fail the insert that fired the trigger (a 20,000-row
-- import, a join): a drawn code is checked against the PD day's codes (the unique
-- index) before it is stored, never stored to hit the index. A taken code (odds:
-- roster / 30^8, i.e. 1 in 33 million on a 20,000-person day) makes it draw 16 more
-- and keep the first free one (the recursive query costs ~10x a single draw, so it
-- runs only then); all 16 taken would leave the code null, refusing no one: the QR
-- and the long token still check the person in. Randomness: SQLite's random(), a
-- ChaCha20 generator seeded by the operating system.

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "shortCode" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Membership_eventId_shortCode_key" ON "Membership"("eventId", "shortCode");

CREATE TRIGGER "Membership_attendee_short_code_on_insert" AFTER INSERT ON "Membership"
WHEN NEW."role" = 'attendee' AND NEW."shortCode" IS NULL
BEGIN
  UPDATE "Membership" SET "shortCode" = COALESCE(
    -- One draw; LIMIT keeps it one value (checked and stored), not an expression run twice.
    (SELECT "c" FROM (SELECT substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) AS "c" LIMIT 1) AS "draw" WHERE NOT EXISTS (SELECT 1 FROM "Membership" AS "other" WHERE "other"."eventId" = NEW."eventId" AND "other"."shortCode" = "draw"."c")),
    (
      WITH RECURSIVE "candidate"("n", "code") AS (
        SELECT 1, substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1)
        UNION ALL
        SELECT "n" + 1, substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) FROM "candidate" WHERE "n" < 16
      )
      SELECT "code" FROM "candidate" WHERE NOT EXISTS (SELECT 1 FROM "Membership" AS "other" WHERE "other"."eventId" = NEW."eventId" AND "other"."shortCode" = "candidate"."code") ORDER BY "n" LIMIT 1
    )
  ) WHERE "id" = NEW."id";
END;

CREATE TRIGGER "Membership_attendee_short_code_on_update" AFTER UPDATE OF "role", "shortCode" ON "Membership"
WHEN NEW."role" = 'attendee' AND NEW."shortCode" IS NULL
BEGIN
  UPDATE "Membership" SET "shortCode" = COALESCE(
    -- One draw; LIMIT keeps it one value (checked and stored), not an expression run twice.
    (SELECT "c" FROM (SELECT substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) AS "c" LIMIT 1) AS "draw" WHERE NOT EXISTS (SELECT 1 FROM "Membership" AS "other" WHERE "other"."eventId" = NEW."eventId" AND "other"."shortCode" = "draw"."c")),
    (
      WITH RECURSIVE "candidate"("n", "code") AS (
        SELECT 1, substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1)
        UNION ALL
        SELECT "n" + 1, substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) || substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 4294967295) % 30 + 1, 1) FROM "candidate" WHERE "n" < 16
      )
      SELECT "code" FROM "candidate" WHERE NOT EXISTS (SELECT 1 FROM "Membership" AS "other" WHERE "other"."eventId" = NEW."eventId" AND "other"."shortCode" = "candidate"."code") ORDER BY "n" LIMIT 1
    )
  ) WHERE "id" = NEW."id";
END;

-- A membership that stops being an attendee's loses its code (as its badge token does),
-- so an old badge's code checks nobody in under another role.
CREATE TRIGGER "Membership_short_code_only_for_attendees" AFTER UPDATE OF "role" ON "Membership"
WHEN NEW."role" <> 'attendee' AND NEW."shortCode" IS NOT NULL
BEGIN
  UPDATE "Membership" SET "shortCode" = NULL WHERE "id" = NEW."id";
END;

-- Everyone already on a roster: setting the code to null fires the update trigger
-- row by row, and each row's draw sees the codes given before it.
UPDATE "Membership" SET "shortCode" = NULL WHERE "role" = 'attendee' AND "shortCode" IS NULL;
