-- AlterTable
ALTER TABLE "JobSeeker" ADD COLUMN "consentWithdrawnAt" DATETIME;

-- AlterTable
ALTER TABLE "OutreachTask" ADD COLUMN "availableAt" DATETIME;
ALTER TABLE "OutreachTask" ADD COLUMN "channel" TEXT;
ALTER TABLE "OutreachTask" ADD COLUMN "clause" TEXT;
ALTER TABLE "OutreachTask" ADD COLUMN "deadlineAt" DATETIME;
ALTER TABLE "OutreachTask" ADD COLUMN "lastError" TEXT;
ALTER TABLE "OutreachTask" ADD COLUMN "leaseOwner" TEXT;
ALTER TABLE "OutreachTask" ADD COLUMN "period" TEXT;
ALTER TABLE "OutreachTask" ADD COLUMN "receipt" TEXT;

-- AlterTable
ALTER TABLE "Registration" ADD COLUMN "hardshipConfirmedAt" DATETIME;

-- CreateTable
CREATE TABLE "OutreachDailySend" (
    "jobSeekerId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("jobSeekerId", "day")
);

-- CreateTable
CREATE TABLE "OutreachPlanState" (
    "registrationId" TEXT NOT NULL PRIMARY KEY,
    "jobSeekerId" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "plannedThrough" TEXT NOT NULL,
    "plannedAt" DATETIME NOT NULL,
    "seenUpdatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "OutreachPlanState_plannedThrough_idx" ON "OutreachPlanState"("plannedThrough");

-- CreateIndex
CREATE INDEX "OutreachTask_jobSeekerId_status_idx" ON "OutreachTask"("jobSeekerId", "status");
