-- AlterTable
-- Written by hand (Prisma cannot express generated columns): PostgreSQL keeps the article's
-- search vector in step with its title (weight A), standfirst (B) and body (C), on PGlite and
-- PostgreSQL alike. The body counts up to its first 200 000 characters, so that the vector stays
-- under PostgreSQL's 1 MB limit whatever the text.
ALTER TABLE "Article" ADD COLUMN     "textSearch" tsvector GENERATED ALWAYS AS ((setweight(to_tsvector('english'::regconfig, title), 'A'::"char") || setweight(to_tsvector('english'::regconfig, COALESCE(standfirst, ''::text)), 'B'::"char")) || setweight(to_tsvector('english'::regconfig, "left"("bodyText", 200000)), 'C'::"char")) STORED;

-- CreateIndex
CREATE INDEX "Article_textSearch_idx" ON "Article" USING GIN ("textSearch");
