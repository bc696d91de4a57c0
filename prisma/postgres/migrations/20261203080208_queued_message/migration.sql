-- CreateTable
CREATE TABLE "QueuedMessage" (
    "seq" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "sealed" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "providerId" TEXT,

    CONSTRAINT "QueuedMessage_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "QueuedMessage_channel_recipient_status_seq_idx" ON "QueuedMessage"("channel", "recipient", "status", "seq");

-- CreateIndex
CREATE INDEX "QueuedMessage_channel_status_nextAttemptAt_idx" ON "QueuedMessage"("channel", "status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "QueuedMessage_channel_dedupeKey_key" ON "QueuedMessage"("channel", "dedupeKey");

-- 微信客服 replies still waiting keep their order and their place (they wait for the customer's next message).
INSERT INTO "QueuedMessage" ("channel", "recipient", "status", "sealed", "attempts", "createdAt", "claimedAt", "sentAt", "providerId")
SELECT 'wecom-kf', "customer", "status", "sealed", "attempts", "createdAt", "claimedAt", "sentAt", "providerId" FROM "WecomKfQueuedReply" ORDER BY "seq";

-- WeCom case cards and forwards already sent (the old one-row ledger): never sent again.
INSERT INTO "QueuedMessage" ("channel", "recipient", "dedupeKey", "status", "createdAt", "sentAt")
SELECT 'wecom', '', "key", 'sent', "createdAt", "doneAt" FROM "ChannelInbox" WHERE "channel" = 'wecom' AND ("key" LIKE 'wecom-card:%' OR "key" LIKE 'wecom-fwd:%');
DELETE FROM "ChannelInbox" WHERE "channel" = 'wecom' AND ("key" LIKE 'wecom-card:%' OR "key" LIKE 'wecom-fwd:%');

-- DropTable
DROP TABLE "WecomKfQueuedReply";
