-- AlterTable
ALTER TABLE "WecomKfCustomer" ADD COLUMN "serviceState" INTEGER;
ALTER TABLE "WecomKfCustomer" ADD COLUMN "servicerUserId" TEXT;
