-- CreateTable
CREATE TABLE "SendBudget" (
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "slots" TEXT NOT NULL DEFAULT '[]',
    "day" TEXT NOT NULL DEFAULT '',
    "dayCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SendBudget_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ApiAccessToken" (
    "key" TEXT NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "sealed" TEXT,
    "expiresAt" TIMESTAMP(3),
    "leaseUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiAccessToken_pkey" PRIMARY KEY ("key")
);
