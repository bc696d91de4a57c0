-- AlterTable
ALTER TABLE "JobSeeker" ADD COLUMN     "phoneHash" TEXT;

-- CreateTable
CREATE TABLE "SmsNumberSend" (
    "id" TEXT NOT NULL,
    "phoneHash" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SmsNumberSend_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsShortLink" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "jobSeekerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "SmsShortLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsUplink" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerMessageId" TEXT NOT NULL,
    "jobSeekerId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SmsUplink_pkey" PRIMARY KEY ("id")
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
