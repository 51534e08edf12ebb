-- CreateTable
CREATE TABLE "ProposalCoPresenter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "userId" TEXT,
    "tokenHash" TEXT NOT NULL,
    "invitedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" DATETIME,
    CONSTRAINT "ProposalCoPresenter_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProposalCoPresenter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProposalReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "score" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProposalReview_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProposalReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProposalResource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProposalResource_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MailTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MailTemplate_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "subjectTags" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Event" ("allowedEmailDomain", "createdAt", "date", "description", "endTime", "id", "name", "proposalsCloseOn", "proposalsOpenOn", "slug", "startTime", "status", "timeZone", "updatedAt", "venue") SELECT "allowedEmailDomain", "createdAt", "date", "description", "endTime", "id", "name", "proposalsCloseOn", "proposalsOpenOn", "slug", "startTime", "status", "timeZone", "updatedAt", "venue" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE INDEX "Event_status_idx" ON "Event"("status");
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
INSERT INTO "new_Proposal" ("audience", "createdAt", "eventId", "format", "id", "lengthBlocks", "presenterId", "state", "submittedAt", "summary", "title", "updatedAt") SELECT "audience", "createdAt", "eventId", "format", "id", "lengthBlocks", "presenterId", "state", "submittedAt", "summary", "title", "updatedAt" FROM "Proposal";
DROP TABLE "Proposal";
ALTER TABLE "new_Proposal" RENAME TO "Proposal";
CREATE INDEX "Proposal_eventId_state_idx" ON "Proposal"("eventId", "state");
CREATE INDEX "Proposal_presenterId_idx" ON "Proposal"("presenterId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ProposalCoPresenter_tokenHash_key" ON "ProposalCoPresenter"("tokenHash");

-- CreateIndex
CREATE INDEX "ProposalCoPresenter_userId_idx" ON "ProposalCoPresenter"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalCoPresenter_proposalId_email_key" ON "ProposalCoPresenter"("proposalId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalReview_proposalId_reviewerId_key" ON "ProposalReview"("proposalId", "reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "MailTemplate_eventId_key_key" ON "MailTemplate"("eventId", "key");

