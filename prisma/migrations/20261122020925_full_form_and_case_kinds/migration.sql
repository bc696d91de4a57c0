-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_HandoffCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobSeekerId" TEXT,
    "conversationKey" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'handoff',
    "reason" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'open',
    "caseworkerId" TEXT,
    "excerpt" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    CONSTRAINT "HandoffCase_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "JobSeeker" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_HandoffCase" ("caseworkerId", "closedAt", "conversationKey", "createdAt", "excerpt", "id", "jobSeekerId", "reason", "regionCode", "status") SELECT "caseworkerId", "closedAt", "conversationKey", "createdAt", "excerpt", "id", "jobSeekerId", "reason", "regionCode", "status" FROM "HandoffCase";
DROP TABLE "HandoffCase";
ALTER TABLE "new_HandoffCase" RENAME TO "HandoffCase";
CREATE INDEX "HandoffCase_regionCode_status_idx" ON "HandoffCase"("regionCode", "status");
CREATE INDEX "HandoffCase_conversationKey_status_idx" ON "HandoffCase"("conversationKey", "status");
CREATE TABLE "new_Registration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobSeekerId" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'unemployment',
    "status" TEXT NOT NULL,
    "registeredAt" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}',
    "followUpPreference" TEXT NOT NULL DEFAULT 'monthly',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Registration_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "JobSeeker" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Registration" ("createdAt", "details", "id", "jobSeekerId", "reason", "regionCode", "registeredAt", "status", "updatedAt") SELECT "createdAt", "details", "id", "jobSeekerId", "reason", "regionCode", "registeredAt", "status", "updatedAt" FROM "Registration";
DROP TABLE "Registration";
ALTER TABLE "new_Registration" RENAME TO "Registration";
CREATE INDEX "Registration_regionCode_status_idx" ON "Registration"("regionCode", "status");
CREATE INDEX "Registration_jobSeekerId_idx" ON "Registration"("jobSeekerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
