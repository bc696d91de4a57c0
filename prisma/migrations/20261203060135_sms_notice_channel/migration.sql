-- AlterTable
ALTER TABLE "JobSeeker" ADD COLUMN "phoneHash" TEXT;

-- CreateTable
CREATE TABLE "SmsNumberSend" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "phoneHash" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "sentAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SmsShortLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "jobSeekerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME
);

-- CreateTable
CREATE TABLE "SmsUplink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "provider" TEXT NOT NULL,
    "providerMessageId" TEXT NOT NULL,
    "jobSeekerId" TEXT,
    "receivedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SmsNumberSend_phoneHash_sentAt_idx" ON "SmsNumberSend"("phoneHash", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "SmsNumberSend_phoneHash_seq_key" ON "SmsNumberSend"("phoneHash", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "SmsShortLink_tokenHash_key" ON "SmsShortLink"("tokenHash");

-- CreateIndex
CREATE INDEX "SmsShortLink_jobSeekerId_idx" ON "SmsShortLink"("jobSeekerId");

-- CreateIndex
CREATE UNIQUE INDEX "SmsUplink_provider_providerMessageId_key" ON "SmsUplink"("provider", "providerMessageId");

-- CreateIndex
CREATE INDEX "JobSeeker_phoneHash_idx" ON "JobSeeker"("phoneHash");
