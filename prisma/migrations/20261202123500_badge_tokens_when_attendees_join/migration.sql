-- Every attendee membership has its badge token from the moment it exists, however
-- it was made (sign-in code, sign-up, invitation, role change, roster, walk-in), so
-- the badge pages only read: opening a page changes nothing (issue 13). The token
-- is 128 bits from SQLite's randomness (seeded by the operating system), in hex.
UPDATE "Membership" SET "badgeToken" = lower(hex(randomblob(16))) WHERE "role" = 'attendee' AND "badgeToken" IS NULL;

CREATE TRIGGER "Membership_attendee_badge_on_insert" AFTER INSERT ON "Membership"
WHEN NEW."role" = 'attendee' AND NEW."badgeToken" IS NULL
BEGIN
  UPDATE "Membership" SET "badgeToken" = lower(hex(randomblob(16))) WHERE "id" = NEW."id";
END;

CREATE TRIGGER "Membership_attendee_badge_on_update" AFTER UPDATE OF "role", "badgeToken" ON "Membership"
WHEN NEW."role" = 'attendee' AND NEW."badgeToken" IS NULL
BEGIN
  UPDATE "Membership" SET "badgeToken" = lower(hex(randomblob(16))) WHERE "id" = NEW."id";
END;
