-- CreateTable
CREATE TABLE "IdentityChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobSeekerId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "userKey" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "lockedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "IdentityChallenge_jobSeekerId_sentAt_idx" ON "IdentityChallenge"("jobSeekerId", "sentAt");

-- CreateIndex
CREATE INDEX "IdentityChallenge_channel_userKey_sentAt_idx" ON "IdentityChallenge"("channel", "userKey", "sentAt");
