-- CreateTable
CREATE TABLE "WebchatPendingTurn" (
    "activitySeq" INTEGER NOT NULL,
    "conversationId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "sealed" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "WebchatPendingTurn_pkey" PRIMARY KEY ("activitySeq")
);

-- CreateIndex
CREATE INDEX "WebchatPendingTurn_status_leaseUntil_idx" ON "WebchatPendingTurn"("status", "leaseUntil");

-- AddForeignKey
ALTER TABLE "WebchatPendingTurn" ADD CONSTRAINT "WebchatPendingTurn_activitySeq_fkey" FOREIGN KEY ("activitySeq") REFERENCES "WebchatActivity"("seq") ON DELETE RESTRICT ON UPDATE CASCADE;
