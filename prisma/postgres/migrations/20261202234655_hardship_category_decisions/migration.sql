-- CreateTable
CREATE TABLE "HardshipCategoryDecision" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "caseworkerId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HardshipCategoryDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HardshipCategoryDecision_caseId_idx" ON "HardshipCategoryDecision"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "HardshipCategoryDecision_caseId_category_key" ON "HardshipCategoryDecision"("caseId", "category");
