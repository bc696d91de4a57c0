-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "exitReportedAt" TIMESTAMP(3);
