-- AlterTable
ALTER TABLE "OutreachTask" ADD COLUMN     "avoidChannels" TEXT,
ADD COLUMN     "receiptAt" TIMESTAMP(3),
ADD COLUMN     "receiptStatus" TEXT;

-- CreateIndex
CREATE INDEX "OutreachTask_channel_receipt_idx" ON "OutreachTask"("channel", "receipt");
