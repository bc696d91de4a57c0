-- CreateTable
CREATE TABLE "WecomKfQueuedReply" (
    "seq" SERIAL NOT NULL,
    "customer" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "sealed" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "providerId" TEXT,

    CONSTRAINT "WecomKfQueuedReply_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "WecomKfQueuedReply_customer_status_seq_idx" ON "WecomKfQueuedReply"("customer", "status", "seq");
