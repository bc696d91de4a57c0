-- CreateTable
CREATE TABLE "WecomKfCursor" (
    "openKfId" TEXT NOT NULL,
    "cursor" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WecomKfCursor_pkey" PRIMARY KEY ("openKfId")
);

-- CreateTable
CREATE TABLE "WecomKfCustomer" (
    "id" TEXT NOT NULL,
    "windowOpenedAt" TIMESTAMP(3),
    "sentInWindow" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WecomKfCustomer_pkey" PRIMARY KEY ("id")
);
