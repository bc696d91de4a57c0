-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Caseworker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'caseworker',
    "districts" TEXT NOT NULL DEFAULT '[]',
    "disabledAt" DATETIME,
    "passwordChangedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Caseworker" ("createdAt", "displayName", "id", "passwordHash", "regionCode", "username") SELECT "createdAt", "displayName", "id", "passwordHash", "regionCode", "username" FROM "Caseworker";
DROP TABLE "Caseworker";
ALTER TABLE "new_Caseworker" RENAME TO "Caseworker";
CREATE UNIQUE INDEX "Caseworker_username_key" ON "Caseworker"("username");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
