-- AlterTable
ALTER TABLE "JobSeeker" DROP COLUMN "birthDate",
DROP COLUMN "sex";

-- Masks already stored keep only the first 4 and last 2 characters (product decision ID_MASK_KEEPS_4_AND_2).
UPDATE "JobSeeker" SET "idNumberMask" = left("idNumberMask", 4) || repeat('*', length("idNumberMask") - 6) || right("idNumberMask", 2) WHERE length("idNumberMask") > 8;
