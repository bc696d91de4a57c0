-- CreateTable
CREATE TABLE "ChannelInbox" (
    "key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "sealed" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "ChannelInbox_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "WecomMember" (
    "userId" TEXT NOT NULL,
    "caseworkerId" TEXT NOT NULL,
    "activeCaseId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WecomMember_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "WechatOaFollower" (
    "openId" TEXT NOT NULL,
    "following" BOOLEAN NOT NULL DEFAULT true,
    "windowOpenedAt" TIMESTAMP(3),
    "windowKind" TEXT,
    "sentInWindow" INTEGER NOT NULL DEFAULT 0,
    "subscriptions" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WechatOaFollower_pkey" PRIMARY KEY ("openId")
);

-- CreateIndex
CREATE INDEX "ChannelInbox_channel_status_leaseUntil_idx" ON "ChannelInbox"("channel", "status", "leaseUntil");

-- CreateIndex
CREATE UNIQUE INDEX "WecomMember_caseworkerId_key" ON "WecomMember"("caseworkerId");
