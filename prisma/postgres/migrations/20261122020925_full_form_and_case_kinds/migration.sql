-- AlterTable
ALTER TABLE "HandoffCase" ADD COLUMN     "details" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'handoff';

-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "followUpPreference" TEXT NOT NULL DEFAULT 'monthly',
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'unemployment';
