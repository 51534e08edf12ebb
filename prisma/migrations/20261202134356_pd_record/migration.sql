-- Plain ADD COLUMNs (not the table rebuild Prisma writes), so columns other
-- branches add to Event or Proposal meanwhile are never copied away.
ALTER TABLE "Event" ADD COLUMN "providerName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Event" ADD COLUMN "providerNumber" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Event" ADD COLUMN "creditCategories" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Event" ADD COLUMN "feedbackForCredit" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Event" ADD COLUMN "dailyCapMinutes" INTEGER;
ALTER TABLE "Proposal" ADD COLUMN "creditCategories" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "TranscriptCode" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TranscriptCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TranscriptCode_userId_idx" ON "TranscriptCode"("userId");
