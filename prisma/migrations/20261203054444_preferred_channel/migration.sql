-- AlterTable
ALTER TABLE "JobSeeker" ADD COLUMN "preferredChannel" TEXT;

-- AlterTable
ALTER TABLE "OutreachTask" ADD COLUMN "chosenBecause" TEXT;
ALTER TABLE "OutreachTask" ADD COLUMN "skippedChannels" TEXT;
