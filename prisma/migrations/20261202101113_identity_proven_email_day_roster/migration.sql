-- AlterTable
ALTER TABLE "User" ADD COLUMN "emailVerifiedAt" DATETIME;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "name" TEXT;
ALTER TABLE "Membership" ADD COLUMN "school" TEXT;
ALTER TABLE "Membership" ADD COLUMN "staffId" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "redactedSubject" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "redactedText" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LoginCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'attendee',
    "eventId" TEXT,
    "codeHash" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LoginCode_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LoginCode" ("attempts", "codeHash", "createdAt", "email", "eventId", "expiresAt", "id", "tokenHash", "usedAt") SELECT "attempts", "codeHash", "createdAt", "email", "eventId", "expiresAt", "id", "tokenHash", "usedAt" FROM "LoginCode";
DROP TABLE "LoginCode";
ALTER TABLE "new_LoginCode" RENAME TO "LoginCode";
CREATE UNIQUE INDEX "LoginCode_tokenHash_key" ON "LoginCode"("tokenHash");
CREATE INDEX "LoginCode_email_createdAt_idx" ON "LoginCode"("email", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Proven email for accounts that exist already. An account has proven its address
-- when its owner used something only the mailbox receives: an accepted invitation
-- or co-presenter invitation, a used attendee code or link, a used reset link. District
-- coordinators (made by the first-run page, create-coordinator or the seed) and the
-- seeded demo accounts (the reserved .test domain, where nobody receives mail) count as
-- proven. Every other account proves its address at its next sign-in, and its sessions
-- end now so that happens at once.
UPDATE "User" SET "emailVerifiedAt" = strftime('%Y-%m-%dT%H:%M:%S.000+00:00', 'now')
WHERE "emailVerifiedAt" IS NULL AND (
  "isDistrictCoordinator" = 1
  OR "email" LIKE '%@demo.dropin.test'
  OR EXISTS (SELECT 1 FROM "Invitation" i WHERE i."email" = "User"."email" AND i."acceptedAt" IS NOT NULL)
  OR EXISTS (SELECT 1 FROM "ProposalCoPresenter" c WHERE c."userId" = "User"."id" AND c."confirmedAt" IS NOT NULL)
  OR EXISTS (SELECT 1 FROM "LoginCode" l WHERE l."email" = "User"."email" AND l."usedAt" IS NOT NULL)
  OR EXISTS (SELECT 1 FROM "PasswordReset" r WHERE r."userId" = "User"."id" AND r."usedAt" IS NOT NULL)
);
DELETE FROM "Session" WHERE "userId" IN (SELECT "id" FROM "User" WHERE "emailVerifiedAt" IS NULL);

-- The roster values a coordinator typed were written onto the account; they stay
-- there (they are what the HR exports showed) and each attendee membership starts
-- with no values of its own, so every PD day reads the account's as before.
