-- CreateTable
CREATE TABLE "WebchatPendingTurn" (
    "activitySeq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "conversationId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "sealed" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    CONSTRAINT "WebchatPendingTurn_activitySeq_fkey" FOREIGN KEY ("activitySeq") REFERENCES "WebchatActivity" ("seq") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "WebchatPendingTurn_status_leaseUntil_idx" ON "WebchatPendingTurn"("status", "leaseUntil");
