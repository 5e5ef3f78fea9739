-- CreateEnum
CREATE TYPE "ClusterOrigin" AS ENUM ('matcher', 'editor');

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "clusterBy" "ClusterOrigin",
ADD COLUMN     "clusterId" UUID,
-- Written by hand (Prisma cannot express generated columns): PostgreSQL keeps the quote's
-- search vector in step with the quote, on PGlite and PostgreSQL alike.
ADD COLUMN     "quoteSearch" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, quote)) STORED;

-- CreateTable
CREATE TABLE "ClaimCluster" (
    "id" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimCluster_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Claim_clusterId_idx" ON "Claim"("clusterId");

-- CreateIndex
CREATE INDEX "Claim_quoteSearch_idx" ON "Claim" USING GIN ("quoteSearch");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "ClaimCluster"("id") ON DELETE SET NULL ON UPDATE CASCADE;
