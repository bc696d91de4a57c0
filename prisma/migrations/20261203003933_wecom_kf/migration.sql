-- CreateTable
CREATE TABLE "WecomKfCursor" (
    "openKfId" TEXT NOT NULL PRIMARY KEY,
    "cursor" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WecomKfCustomer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "windowOpenedAt" DATETIME,
    "sentInWindow" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);
