-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "presenterId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "details" TEXT NOT NULL DEFAULT '',
    "audience" TEXT NOT NULL DEFAULT '',
    "tags" TEXT NOT NULL DEFAULT '',
    "format" TEXT NOT NULL DEFAULT 'hands_on',
    "experienceLevel" TEXT NOT NULL DEFAULT 'any',
    "lengthBlocks" INTEGER NOT NULL DEFAULT 1,
    "maxParticipants" INTEGER,
    "techNeeds" TEXT NOT NULL DEFAULT '',
    "willingToRepeat" BOOLEAN NOT NULL DEFAULT false,
    "unavailableBlockIds" TEXT NOT NULL DEFAULT '',
    "notesToCoordinator" TEXT NOT NULL DEFAULT '',
    "dayOf" BOOLEAN NOT NULL DEFAULT false,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "stagedDecision" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "decidedAt" DATETIME,
    "confirmedAt" DATETIME,
    CONSTRAINT "Proposal_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_presenterId_fkey" FOREIGN KEY ("presenterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Proposal" ("audience", "confirmedAt", "createdAt", "decidedAt", "details", "eventId", "experienceLevel", "format", "id", "lengthBlocks", "maxParticipants", "notesToCoordinator", "presenterId", "stagedDecision", "state", "submittedAt", "summary", "tags", "techNeeds", "title", "unavailableBlockIds", "updatedAt", "willingToRepeat") SELECT "audience", "confirmedAt", "createdAt", "decidedAt", "details", "eventId", "experienceLevel", "format", "id", "lengthBlocks", "maxParticipants", "notesToCoordinator", "presenterId", "stagedDecision", "state", "submittedAt", "summary", "tags", "techNeeds", "title", "unavailableBlockIds", "updatedAt", "willingToRepeat" FROM "Proposal";
DROP TABLE "Proposal";
ALTER TABLE "new_Proposal" RENAME TO "Proposal";
CREATE INDEX "Proposal_eventId_state_idx" ON "Proposal"("eventId", "state");
CREATE INDEX "Proposal_presenterId_idx" ON "Proposal"("presenterId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

