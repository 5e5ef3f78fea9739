-- DropIndex
DROP INDEX "Claim_speakerId_claimDate_idx";

-- DropIndex
DROP INDEX "Claim_subjectId_claimDate_idx";

-- CreateIndex
CREATE INDEX "Claim_subjectId_claimDate_createdAt_id_idx" ON "Claim"("subjectId", "claimDate", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Claim_speakerId_claimDate_createdAt_id_idx" ON "Claim"("speakerId", "claimDate", "createdAt", "id");
