-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "suggestFailure" TEXT;
