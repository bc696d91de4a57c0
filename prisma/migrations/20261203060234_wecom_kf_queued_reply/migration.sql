-- CreateTable
CREATE TABLE "WecomKfQueuedReply" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "customer" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "sealed" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "providerId" TEXT
);

-- CreateIndex
CREATE INDEX "WecomKfQueuedReply_customer_status_seq_idx" ON "WecomKfQueuedReply"("customer", "status", "seq");
