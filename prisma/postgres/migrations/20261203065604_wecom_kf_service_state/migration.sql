-- AlterTable
ALTER TABLE "WecomKfCustomer" ADD COLUMN     "serviceState" INTEGER,
ADD COLUMN     "servicerUserId" TEXT;
