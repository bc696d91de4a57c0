-- CreateTable
CREATE TABLE "WebchatTokenRevocation" (
    "conversationId" TEXT NOT NULL PRIMARY KEY,
    "generation" INTEGER NOT NULL,
    "revokedAt" DATETIME NOT NULL
);
