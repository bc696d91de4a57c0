-- CreateTable
CREATE TABLE "HardshipCategoryDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "caseworkerId" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "HardshipCategoryDecision_caseId_idx" ON "HardshipCategoryDecision"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "HardshipCategoryDecision_caseId_category_key" ON "HardshipCategoryDecision"("caseId", "category");
