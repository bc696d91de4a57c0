-- AlterTable
ALTER TABLE "OutreachTask" ADD COLUMN "inFlightAt" DATETIME;
ALTER TABLE "OutreachTask" ADD COLUMN "inFlightChannel" TEXT;
