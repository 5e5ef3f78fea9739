-- AlterTable
ALTER TABLE "ClaimCluster" ADD COLUMN     "allegations" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "answered" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "firstAnswered" DATE,
ADD COLUMN     "firstReported" DATE,
ADD COLUMN     "subjectId" UUID;

-- CreateIndex
CREATE INDEX "Claim_subjectId_kind_idx" ON "Claim"("subjectId", "kind");

-- CreateIndex
CREATE INDEX "ClaimCluster_subjectId_answered_firstReported_idx" ON "ClaimCluster"("subjectId", "answered", "firstReported");

-- Written by hand: the cluster summary is kept by the database itself, so that every way a
-- claim or a link is written (tagging, accepting, the API, imports, deletes and their
-- cascades) keeps it true.

-- Recomputes one cluster's summary from its claims and the answers linked to them.
CREATE FUNCTION "refresh_claim_cluster"(cluster uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE "ClaimCluster" k SET
    "subjectId" = s."subjectId",
    "allegations" = s.allegations,
    "firstReported" = s.first,
    "answered" = a.answered,
    "firstAnswered" = a.first
  FROM
    (SELECT (array_agg(c."subjectId" ORDER BY c.id) FILTER (WHERE c."subjectId" IS NOT NULL))[1] AS "subjectId",
            (count(*) FILTER (WHERE c.kind = 'allegation'))::int AS allegations,
            min(c."claimDate") FILTER (WHERE c.kind = 'allegation') AS first
       FROM "Claim" c WHERE c."clusterId" = cluster) s,
    (SELECT count(*) > 0 AS answered, min(f."claimDate") AS first
       FROM "Claim" m JOIN "ClaimLink" l ON l."toId" = m.id JOIN "Claim" f ON f.id = l."fromId"
      WHERE m."clusterId" = cluster AND l.relation IN ('denies', 'responds_to', 'confirms')) a
  WHERE k.id = cluster
$$;

-- A new claim without a cluster gets one of its own (same id as the claim); the matcher may
-- move it later.
CREATE FUNCTION "give_claim_a_cluster"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."clusterId" IS NULL THEN
    INSERT INTO "ClaimCluster" ("id") VALUES (NEW.id) ON CONFLICT ("id") DO NOTHING;
    NEW."clusterId" := NEW.id;
    NEW."clusterBy" := 'matcher';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Claim_give_a_cluster" BEFORE INSERT ON "Claim" FOR EACH ROW EXECUTE FUNCTION "give_claim_a_cluster"();

CREATE FUNCTION "claim_changed_cluster_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."clusterId" IS NOT NULL THEN
    PERFORM "refresh_claim_cluster"(OLD."clusterId");
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."clusterId" IS NOT NULL AND (TG_OP = 'INSERT' OR NEW."clusterId" IS DISTINCT FROM OLD."clusterId" OR NEW.kind <> OLD.kind OR NEW."subjectId" IS DISTINCT FROM OLD."subjectId" OR NEW."claimDate" IS DISTINCT FROM OLD."claimDate") THEN
    PERFORM "refresh_claim_cluster"(NEW."clusterId");
  END IF;
  -- An answer's new date moves the first-answered date of what it answers.
  IF TG_OP = 'UPDATE' AND NEW."claimDate" IS DISTINCT FROM OLD."claimDate" THEN
    PERFORM "refresh_claim_cluster"(m."clusterId") FROM "ClaimLink" l JOIN "Claim" m ON m.id = l."toId" WHERE l."fromId" = NEW.id AND m."clusterId" IS NOT NULL;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Claim_cluster_summary" AFTER INSERT OR DELETE OR UPDATE OF "clusterId", "kind", "subjectId", "claimDate" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "claim_changed_cluster_summary"();

CREATE FUNCTION "link_changed_cluster_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  answered uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."toId" ELSE NEW."toId" END;
BEGIN
  -- A link deleted with its claim finds no claim: that claim's own delete refreshes.
  PERFORM "refresh_claim_cluster"(c."clusterId") FROM "Claim" c WHERE c.id = answered AND c."clusterId" IS NOT NULL;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ClaimLink_cluster_summary" AFTER INSERT OR DELETE OR UPDATE ON "ClaimLink"
  FOR EACH ROW EXECUTE FUNCTION "link_changed_cluster_summary"();

-- Claims tagged before clusters existed each get their own, and every summary is computed once.
INSERT INTO "ClaimCluster" ("id") SELECT c.id FROM "Claim" c WHERE c."clusterId" IS NULL ON CONFLICT ("id") DO NOTHING;
UPDATE "Claim" SET "clusterId" = id, "clusterBy" = 'matcher' WHERE "clusterId" IS NULL;
SELECT "refresh_claim_cluster"(id) FROM "ClaimCluster";
