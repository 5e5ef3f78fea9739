-- AlterTable
-- Written by hand (Prisma cannot express generated columns): the title's search vector alone,
-- small enough to be stored in the row, so that search can find the articles whose title
-- matches without reading every matching article's whole-text vector.
ALTER TABLE "Article" ADD COLUMN     "titleSearch" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, title)) STORED;

-- CreateIndex
CREATE INDEX "Article_titleSearch_idx" ON "Article" USING GIN ("titleSearch");
