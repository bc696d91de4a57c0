-- CreateTable
CREATE TABLE "CatalogItem" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "district" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "targetGroups" TEXT NOT NULL DEFAULT '[]',
    "minAge" INTEGER,
    "maxAge" INTEGER,
    "keywords" TEXT NOT NULL DEFAULT '[]',
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "link" TEXT,
    "place" TEXT,
    "startsAt" TIMESTAMP(3),
    "contentHash" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogDelivery" (
    "jobSeekerId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogDelivery_pkey" PRIMARY KEY ("jobSeekerId","itemId")
);

-- CreateIndex
CREATE INDEX "CatalogItem_kind_expiresAt_idx" ON "CatalogItem"("kind", "expiresAt");
