-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_JobSeeker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "name" TEXT,
    "idNumberEnc" TEXT,
    "idNumberHash" TEXT,
    "idNumberMask" TEXT,
    "phoneEnc" TEXT,
    "phoneMask" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "consentAt" DATETIME,
    "sensitiveConsentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_JobSeeker" ("consentAt", "createdAt", "id", "idNumberEnc", "idNumberHash", "idNumberMask", "locale", "name", "phoneEnc", "phoneMask", "regionCode", "sensitiveConsentAt", "updatedAt") SELECT "consentAt", "createdAt", "id", "idNumberEnc", "idNumberHash", "idNumberMask", "locale", "name", "phoneEnc", "phoneMask", "regionCode", "sensitiveConsentAt", "updatedAt" FROM "JobSeeker";
DROP TABLE "JobSeeker";
ALTER TABLE "new_JobSeeker" RENAME TO "JobSeeker";
CREATE UNIQUE INDEX "JobSeeker_idNumberHash_key" ON "JobSeeker"("idNumberHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Masks already stored keep only the first 4 and last 2 characters (product decision ID_MASK_KEEPS_4_AND_2).
UPDATE "JobSeeker" SET "idNumberMask" = substr("idNumberMask", 1, 4) || '************' || substr("idNumberMask", -2) WHERE length("idNumberMask") = 18;
UPDATE "JobSeeker" SET "idNumberMask" = substr("idNumberMask", 1, 4) || '*********' || substr("idNumberMask", -2) WHERE length("idNumberMask") = 15;
