-- CreateTable
CREATE TABLE "SendBudget" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0,
    "slots" TEXT NOT NULL DEFAULT '[]',
    "day" TEXT NOT NULL DEFAULT '',
    "dayCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ApiAccessToken" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "sealed" TEXT,
    "expiresAt" DATETIME,
    "leaseUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL
);
