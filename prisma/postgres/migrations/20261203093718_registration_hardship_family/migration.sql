-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "hardshipFamily" BOOLEAN NOT NULL DEFAULT false;
