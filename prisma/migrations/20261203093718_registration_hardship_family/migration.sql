-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "hardshipConfirmedAt" DATETIME,
    "exitReportedAt" DATETIME,
    "hardshipFamily" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Registration_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "JobSeeker" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Registration" ("createdAt", "details", "exitReportedAt", "followUpPreference", "hardshipConfirmedAt", "id", "jobSeekerId", "kind", "reason", "regionCode", "registeredAt", "status", "updatedAt") SELECT "createdAt", "details", "exitReportedAt", "followUpPreference", "hardshipConfirmedAt", "id", "jobSeekerId", "kind", "reason", "regionCode", "registeredAt", "status", "updatedAt" FROM "Registration";
DROP TABLE "Registration";
ALTER TABLE "new_Registration" RENAME TO "Registration";
CREATE INDEX "Registration_regionCode_status_idx" ON "Registration"("regionCode", "status");
CREATE INDEX "Registration_jobSeekerId_idx" ON "Registration"("jobSeekerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
