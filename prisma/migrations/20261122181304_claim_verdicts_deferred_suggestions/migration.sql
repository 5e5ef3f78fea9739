-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "suggestedWith" TEXT;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "verdict" TEXT,
ADD COLUMN     "verdictAt" TIMESTAMPTZ(3),
ADD COLUMN     "verdictNote" TEXT;
