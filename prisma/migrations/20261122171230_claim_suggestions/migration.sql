-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('open', 'accepted', 'rejected');

-- CreateTable
CREATE TABLE "ClaimSuggestion" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "kind" "ClaimKind" NOT NULL,
    "target" JSONB NOT NULL,
    "quote" TEXT NOT NULL,
    "speakerName" TEXT,
    "speakerId" UUID,
    "subjectName" TEXT,
    "subjectId" UUID,
    "confidence" DOUBLE PRECISION NOT NULL,
    "rule" TEXT NOT NULL,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'open',
    "claimId" UUID,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClaimSuggestion_articleId_status_idx" ON "ClaimSuggestion"("articleId", "status");

-- AddForeignKey
ALTER TABLE "ClaimSuggestion" ADD CONSTRAINT "ClaimSuggestion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
