-- DropIndex
DROP INDEX "Claim_subjectId_kind_idx";

-- CreateIndex
CREATE INDEX "Claim_subjectId_kind_claimDate_createdAt_id_idx" ON "Claim"("subjectId", "kind", "claimDate", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Claim_speakerId_kind_claimDate_createdAt_id_idx" ON "Claim"("speakerId", "kind", "claimDate", "createdAt", "id");
