-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "badgeToken" TEXT;

-- CreateTable
CREATE TABLE "VendorContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    CONSTRAINT "VendorContact_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VendorContact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Donation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "itemName" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "quantity" INTEGER NOT NULL,
    "unitValueCents" INTEGER NOT NULL,
    "restrictions" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'pledged',
    "deliveredAt" DATETIME,
    "photoPath" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Donation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Donation_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Drawing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rules" TEXT NOT NULL DEFAULT '{}',
    "method" TEXT NOT NULL DEFAULT '',
    "seedHash" TEXT NOT NULL,
    "seed" TEXT,
    "poolSize" INTEGER NOT NULL DEFAULT 0,
    "pool" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "drawnAt" DATETIME,
    CONSTRAINT "Drawing_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DrawingWinner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "drawingId" TEXT NOT NULL,
    "donationId" TEXT NOT NULL,
    "unitIndex" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'drawn',
    "drawnAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" DATETIME,
    CONSTRAINT "DrawingWinner_drawingId_fkey" FOREIGN KEY ("drawingId") REFERENCES "Drawing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DrawingWinner_donationId_fkey" FOREIGN KEY ("donationId") REFERENCES "Donation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DrawingWinner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DoorCheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "checkedInAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL DEFAULT 'qr',
    "clientId" TEXT,
    "recordedById" TEXT,
    CONSTRAINT "DoorCheckIn_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DoorCheckIn_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoomVisit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "timeBlockId" TEXT NOT NULL,
    "placementId" TEXT,
    "enteredAt" DATETIME NOT NULL,
    "leftAt" DATETIME,
    "source" TEXT NOT NULL DEFAULT 'self',
    "clientId" TEXT,
    CONSTRAINT "RoomVisit_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoomVisit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CreditAdjustment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CreditAdjustment_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CreditAdjustment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "minStayMinutes" INTEGER NOT NULL DEFAULT 20,
    "presenterCreditRule" TEXT NOT NULL DEFAULT 'session',
    "giftValueLimitCents" INTEGER,
    "subjectTags" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Event" ("allowedEmailDomain", "createdAt", "date", "description", "endTime", "id", "name", "proposalsCloseOn", "proposalsOpenOn", "slug", "startTime", "status", "subjectTags", "timeZone", "updatedAt", "venue") SELECT "allowedEmailDomain", "createdAt", "date", "description", "endTime", "id", "name", "proposalsCloseOn", "proposalsOpenOn", "slug", "startTime", "status", "subjectTags", "timeZone", "updatedAt", "venue" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE INDEX "Event_status_idx" ON "Event"("status");
CREATE TABLE "new_Vendor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "company" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "thanksOptIn" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Vendor_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Vendor" ("company", "contactEmail", "contactName", "createdAt", "eventId", "id") SELECT "company", "contactEmail", "contactName", "createdAt", "eventId", "id" FROM "Vendor";
DROP TABLE "Vendor";
ALTER TABLE "new_Vendor" RENAME TO "Vendor";
CREATE UNIQUE INDEX "Vendor_eventId_company_key" ON "Vendor"("eventId", "company");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "VendorContact_userId_idx" ON "VendorContact"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "VendorContact_vendorId_userId_key" ON "VendorContact"("vendorId", "userId");

-- CreateIndex
CREATE INDEX "Donation_eventId_vendorId_idx" ON "Donation"("eventId", "vendorId");

-- CreateIndex
CREATE INDEX "Drawing_eventId_idx" ON "Drawing"("eventId");

-- CreateIndex
CREATE INDEX "DrawingWinner_drawingId_idx" ON "DrawingWinner"("drawingId");

-- CreateIndex
CREATE INDEX "DrawingWinner_userId_idx" ON "DrawingWinner"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "DoorCheckIn_clientId_key" ON "DoorCheckIn"("clientId");

-- CreateIndex
CREATE INDEX "DoorCheckIn_eventId_checkedInAt_idx" ON "DoorCheckIn"("eventId", "checkedInAt");

-- CreateIndex
CREATE UNIQUE INDEX "DoorCheckIn_eventId_userId_key" ON "DoorCheckIn"("eventId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "RoomVisit_clientId_key" ON "RoomVisit"("clientId");

-- CreateIndex
CREATE INDEX "RoomVisit_eventId_userId_timeBlockId_idx" ON "RoomVisit"("eventId", "userId", "timeBlockId");

-- CreateIndex
CREATE INDEX "RoomVisit_eventId_roomId_timeBlockId_idx" ON "RoomVisit"("eventId", "roomId", "timeBlockId");

-- CreateIndex
CREATE INDEX "CreditAdjustment_eventId_userId_idx" ON "CreditAdjustment"("eventId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_badgeToken_key" ON "Membership"("badgeToken");

