-- AlterTable
ALTER TABLE "Registration" ADD COLUMN "exitReportedAt" DATETIME;
