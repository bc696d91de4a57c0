-- CreateTable
CREATE TABLE "ChannelInbox" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "sealed" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" DATETIME
);

-- CreateTable
CREATE TABLE "WecomMember" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "caseworkerId" TEXT NOT NULL,
    "activeCaseId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WechatOaFollower" (
    "openId" TEXT NOT NULL PRIMARY KEY,
    "following" BOOLEAN NOT NULL DEFAULT true,
    "windowOpenedAt" DATETIME,
    "windowKind" TEXT,
    "sentInWindow" INTEGER NOT NULL DEFAULT 0,
    "subscriptions" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ChannelInbox_channel_status_leaseUntil_idx" ON "ChannelInbox"("channel", "status", "leaseUntil");

-- CreateIndex
CREATE UNIQUE INDEX "WecomMember_caseworkerId_key" ON "WecomMember"("caseworkerId");
