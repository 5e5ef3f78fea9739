-- CreateTable
CREATE TABLE "LinkProposal" (
    "id" UUID NOT NULL,
    "fromId" UUID NOT NULL,
    "toId" UUID NOT NULL,
    "relation" "LinkRelation" NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "origin" TEXT NOT NULL,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'open',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LinkProposal_toId_status_idx" ON "LinkProposal"("toId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "LinkProposal_fromId_toId_key" ON "LinkProposal"("fromId", "toId");

-- AddForeignKey
ALTER TABLE "LinkProposal" ADD CONSTRAINT "LinkProposal_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkProposal" ADD CONSTRAINT "LinkProposal_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
