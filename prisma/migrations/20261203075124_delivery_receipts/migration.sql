-- AlterTable
ALTER TABLE "OutreachTask" ADD COLUMN "avoidChannels" TEXT;
ALTER TABLE "OutreachTask" ADD COLUMN "receiptAt" DATETIME;
ALTER TABLE "OutreachTask" ADD COLUMN "receiptStatus" TEXT;

-- CreateIndex
CREATE INDEX "OutreachTask_channel_receipt_idx" ON "OutreachTask"("channel", "receipt");
