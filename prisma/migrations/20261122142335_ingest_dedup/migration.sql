-- DropIndex
DROP INDEX "Article_bodyHash_idx";

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "duplicateOfId" UUID,
ADD COLUMN     "duplicateOverlap" DOUBLE PRECISION,
ADD COLUMN     "extractionWarnings" TEXT[];

-- CreateTable
CREATE TABLE "ArticleFingerprint" (
    "articleId" UUID NOT NULL,
    "hash" BIGINT NOT NULL,

    CONSTRAINT "ArticleFingerprint_pkey" PRIMARY KEY ("articleId","hash")
);

-- CreateIndex
CREATE INDEX "ArticleFingerprint_hash_idx" ON "ArticleFingerprint"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "Article_bodyHash_key" ON "Article"("bodyHash");

-- CreateIndex
CREATE INDEX "Article_duplicateOfId_idx" ON "Article"("duplicateOfId");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleFingerprint" ADD CONSTRAINT "ArticleFingerprint_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
