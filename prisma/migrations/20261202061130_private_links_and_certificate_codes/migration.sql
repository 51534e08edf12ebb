-- CreateTable
CREATE TABLE "FeedLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "lookup" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FeedLink_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FeedLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CertificateCode" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CertificateCode_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CertificateCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "FeedLink_lookup_key" ON "FeedLink"("lookup");

-- CreateIndex
CREATE INDEX "FeedLink_userId_idx" ON "FeedLink"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "FeedLink_eventId_userId_kind_key" ON "FeedLink"("eventId", "userId", "kind");

-- CreateIndex
CREATE INDEX "CertificateCode_eventId_userId_idx" ON "CertificateCode"("eventId", "userId");

-- CreateIndex
CREATE INDEX "CertificateCode_userId_idx" ON "CertificateCode"("userId");

