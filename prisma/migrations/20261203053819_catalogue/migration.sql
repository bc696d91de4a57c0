-- CreateTable
CREATE TABLE "CatalogItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "effectiveFrom" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "link" TEXT,
    "place" TEXT,
    "startsAt" DATETIME,
    "contentHash" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CatalogDelivery" (
    "jobSeekerId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("jobSeekerId", "itemId")
);

-- CreateIndex
CREATE INDEX "CatalogItem_kind_expiresAt_idx" ON "CatalogItem"("kind", "expiresAt");
