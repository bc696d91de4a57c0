-- AlterTable
ALTER TABLE "Caseworker" ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "districts" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "passwordChangedAt" TIMESTAMP(3),
ADD COLUMN     "role" TEXT NOT NULL DEFAULT 'caseworker';
