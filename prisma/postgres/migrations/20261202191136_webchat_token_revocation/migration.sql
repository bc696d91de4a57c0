-- CreateTable
CREATE TABLE "WebchatTokenRevocation" (
    "conversationId" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "revokedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebchatTokenRevocation_pkey" PRIMARY KEY ("conversationId")
);
