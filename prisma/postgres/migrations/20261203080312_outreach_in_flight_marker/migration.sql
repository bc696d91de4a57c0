-- AlterTable
ALTER TABLE "OutreachTask" ADD COLUMN     "inFlightAt" TIMESTAMP(3),
ADD COLUMN     "inFlightChannel" TEXT;
