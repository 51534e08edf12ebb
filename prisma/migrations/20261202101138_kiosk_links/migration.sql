-- CreateTable
CREATE TABLE "KioskLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "createdById" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "KioskLink_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "KioskLink_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "KioskLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "KioskLink_codeHash_key" ON "KioskLink"("codeHash");

-- CreateIndex
CREATE UNIQUE INDEX "KioskLink_deviceId_key" ON "KioskLink"("deviceId");

-- CreateIndex
CREATE INDEX "KioskLink_eventId_idx" ON "KioskLink"("eventId");

