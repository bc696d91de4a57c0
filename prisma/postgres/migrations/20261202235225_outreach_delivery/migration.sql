-- AlterTable
ALTER TABLE "JobSeeker" ADD COLUMN     "consentWithdrawnAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutreachTask" ADD COLUMN     "availableAt" TIMESTAMP(3),
ADD COLUMN     "channel" TEXT,
ADD COLUMN     "clause" TEXT,
ADD COLUMN     "deadlineAt" TIMESTAMP(3),
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "period" TEXT,
ADD COLUMN     "receipt" TEXT;

-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "hardshipConfirmedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "OutreachDailySend" (
    "jobSeekerId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutreachDailySend_pkey" PRIMARY KEY ("jobSeekerId","day")
);

-- CreateTable
CREATE TABLE "OutreachPlanState" (
    "registrationId" TEXT NOT NULL,
    "jobSeekerId" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "plannedThrough" TEXT NOT NULL,
    "plannedAt" TIMESTAMP(3) NOT NULL,
    "seenUpdatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutreachPlanState_pkey" PRIMARY KEY ("registrationId")
);

-- CreateIndex
CREATE INDEX "OutreachPlanState_plannedThrough_idx" ON "OutreachPlanState"("plannedThrough");

-- CreateIndex
CREATE INDEX "OutreachTask_jobSeekerId_status_idx" ON "OutreachTask"("jobSeekerId", "status");
