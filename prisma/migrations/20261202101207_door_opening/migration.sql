-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "venue" TEXT NOT NULL DEFAULT '',
    "date" TEXT NOT NULL,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "proposalsOpenOn" TEXT,
    "proposalsCloseOn" TEXT,
    "allowedEmailDomain" TEXT,
    "minStayMinutes" INTEGER NOT NULL DEFAULT 20,
    "presenterCreditRule" TEXT NOT NULL DEFAULT 'session',
    "giftValueLimitCents" INTEGER,
    "subjectTags" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "doorsOpenAt" TEXT,
    "earlyCheckIn" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Event" ("allowedEmailDomain", "createdAt", "date", "description", "endTime", "giftValueLimitCents", "id", "minStayMinutes", "name", "presenterCreditRule", "proposalsCloseOn", "proposalsOpenOn", "slug", "startTime", "status", "subjectTags", "timeZone", "updatedAt", "venue") SELECT "allowedEmailDomain", "createdAt", "date", "description", "endTime", "giftValueLimitCents", "id", "minStayMinutes", "name", "presenterCreditRule", "proposalsCloseOn", "proposalsOpenOn", "slug", "startTime", "status", "subjectTags", "timeZone", "updatedAt", "venue" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE INDEX "Event_status_idx" ON "Event"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

