-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SessionPost" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL DEFAULT '',
    "storedName" TEXT NOT NULL DEFAULT '',
    "fileName" TEXT NOT NULL DEFAULT '',
    "fileType" TEXT NOT NULL DEFAULT '',
    "fileBytes" INTEGER NOT NULL DEFAULT 0,
    "hiddenAt" DATETIME,
    "hiddenById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SessionPost_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SessionPost_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SessionPost" ("authorId", "createdAt", "eventId", "hiddenAt", "hiddenById", "id", "kind", "placementId", "proposalId", "text", "url") SELECT "authorId", "createdAt", "eventId", "hiddenAt", "hiddenById", "id", "kind", "placementId", "proposalId", "text", "url" FROM "SessionPost";
DROP TABLE "SessionPost";
ALTER TABLE "new_SessionPost" RENAME TO "SessionPost";
CREATE INDEX "SessionPost_eventId_proposalId_idx" ON "SessionPost"("eventId", "proposalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

