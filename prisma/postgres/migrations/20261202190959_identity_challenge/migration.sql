-- CreateTable
CREATE TABLE "IdentityChallenge" (
    "id" TEXT NOT NULL,
    "jobSeekerId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "userKey" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdentityChallenge_jobSeekerId_sentAt_idx" ON "IdentityChallenge"("jobSeekerId", "sentAt");

-- CreateIndex
CREATE INDEX "IdentityChallenge_channel_userKey_sentAt_idx" ON "IdentityChallenge"("channel", "userKey", "sentAt");
