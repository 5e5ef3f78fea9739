-- CreateTable
CREATE TABLE "CompanyTally" (
    "subjectId" UUID NOT NULL,
    "allegations" INTEGER NOT NULL DEFAULT 0,
    "unanswered" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CompanyTally_pkey" PRIMARY KEY ("subjectId")
);

-- CreateTable
CREATE TABLE "CompanyAnswerDays" (
    "subjectId" UUID NOT NULL,
    "days" INTEGER NOT NULL,
    "clusters" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CompanyAnswerDays_pkey" PRIMARY KEY ("subjectId","days")
);

-- CreateTable
CREATE TABLE "CompanyOutletTally" (
    "subjectId" UUID NOT NULL,
    "outletId" UUID NOT NULL,
    "allegations" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CompanyOutletTally_pkey" PRIMARY KEY ("subjectId","outletId")
);

-- CreateTable
CREATE TABLE "AnswerTally" (
    "subjectId" UUID NOT NULL,
    "speakerId" UUID NOT NULL,
    "answers" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AnswerTally_pkey" PRIMARY KEY ("subjectId","speakerId")
);

-- CreateIndex
CREATE INDEX "AnswerTally_speakerId_idx" ON "AnswerTally"("speakerId");

-- Written by hand: a company's page numbers are kept by the database itself, as the cluster
-- summary is (migration cluster_summary), so that every way a claim, a link, a cluster or an
-- article changes (tagging, the matcher, editors' splits and merges, re-kinding, deletes and
-- their cascades, imports) keeps them equal to a count made from scratch. Each trigger takes
-- away what the old row added and adds what the new row adds; a row that adds the same as before
-- writes nothing.

-- What one cluster's summary adds (delta 1) to its company's allegations, unanswered ones and
-- days to answer, or takes away (delta -1).
CREATE FUNCTION "tally_company_cluster"(subject uuid, has_allegations boolean, is_answered boolean, reported date, answered_on date, delta integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF subject IS NULL OR NOT has_allegations THEN
    RETURN;
  END IF;
  INSERT INTO "CompanyTally" ("subjectId", "allegations", "unanswered") VALUES (subject, delta, CASE WHEN is_answered THEN 0 ELSE delta END)
  ON CONFLICT ("subjectId") DO UPDATE
    SET "allegations" = "CompanyTally"."allegations" + EXCLUDED."allegations", "unanswered" = "CompanyTally"."unanswered" + EXCLUDED."unanswered";
  IF is_answered AND reported IS NOT NULL AND answered_on IS NOT NULL THEN
    INSERT INTO "CompanyAnswerDays" ("subjectId", "days", "clusters") VALUES (subject, GREATEST(0, answered_on - reported), delta)
    ON CONFLICT ("subjectId", "days") DO UPDATE SET "clusters" = "CompanyAnswerDays"."clusters" + EXCLUDED."clusters";
  END IF;
END
$$;

CREATE FUNCTION "cluster_changed_company_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most refreshes (another copy of an allegation, a link to an answered cluster) change nothing here.
  IF TG_OP = 'UPDATE' AND (OLD."subjectId", OLD."allegations" > 0, OLD."answered", OLD."firstReported", OLD."firstAnswered")
      IS NOT DISTINCT FROM (NEW."subjectId", NEW."allegations" > 0, NEW."answered", NEW."firstReported", NEW."firstAnswered") THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM "tally_company_cluster"(OLD."subjectId", OLD."allegations" > 0, OLD."answered", OLD."firstReported", OLD."firstAnswered", -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM "tally_company_cluster"(NEW."subjectId", NEW."allegations" > 0, NEW."answered", NEW."firstReported", NEW."firstAnswered", 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ClaimCluster_company_tally" AFTER INSERT OR DELETE OR UPDATE ON "ClaimCluster"
  FOR EACH ROW EXECUTE FUNCTION "cluster_changed_company_tally"();

-- One allegation about `subject` in `article`, counted for the article's outlet. A claim deleted
-- with its article finds no article: the article's own delete took its claims away.
CREATE FUNCTION "tally_company_outlet"(subject uuid, article uuid, delta integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF subject IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO "CompanyOutletTally" ("subjectId", "outletId", "allegations")
  SELECT subject, a."outletId", delta FROM "Article" a WHERE a.id = article AND a."outletId" IS NOT NULL
  ON CONFLICT ("subjectId", "outletId") DO UPDATE SET "allegations" = "CompanyOutletTally"."allegations" + EXCLUDED."allegations";
END
$$;

-- One statement or denial; the nil UUID stands for no subject or no speaker.
CREATE FUNCTION "tally_answer"(subject uuid, speaker uuid, delta integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "AnswerTally" ("subjectId", "speakerId", "answers")
  VALUES (coalesce(subject, '00000000-0000-0000-0000-000000000000'), coalesce(speaker, '00000000-0000-0000-0000-000000000000'), delta)
  ON CONFLICT ("subjectId", "speakerId") DO UPDATE SET "answers" = "AnswerTally"."answers" + EXCLUDED."answers"
$$;

CREATE FUNCTION "claim_changed_company_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."kind", OLD."subjectId", OLD."speakerId", OLD."articleId") IS NOT DISTINCT FROM (NEW."kind", NEW."subjectId", NEW."speakerId", NEW."articleId") THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    IF OLD."kind" = 'allegation' THEN
      PERFORM "tally_company_outlet"(OLD."subjectId", OLD."articleId", -1);
    ELSIF OLD."kind" IN ('statement', 'denial') THEN
      PERFORM "tally_answer"(OLD."subjectId", OLD."speakerId", -1);
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW."kind" = 'allegation' THEN
      PERFORM "tally_company_outlet"(NEW."subjectId", NEW."articleId", 1);
    ELSIF NEW."kind" IN ('statement', 'denial') THEN
      PERFORM "tally_answer"(NEW."subjectId", NEW."speakerId", 1);
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Claim_company_tally" AFTER INSERT OR DELETE OR UPDATE OF "kind", "subjectId", "speakerId", "articleId" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "claim_changed_company_tally"();

-- All of an article's allegations, per company, counted for `outlet` (or taken away).
CREATE FUNCTION "tally_article_outlet"(article uuid, outlet uuid, delta integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF outlet IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO "CompanyOutletTally" ("subjectId", "outletId", "allegations")
  SELECT c."subjectId", outlet, delta * count(*)::int FROM "Claim" c
  WHERE c."articleId" = article AND c."kind" = 'allegation' AND c."subjectId" IS NOT NULL
  GROUP BY c."subjectId"
  ON CONFLICT ("subjectId", "outletId") DO UPDATE SET "allegations" = "CompanyOutletTally"."allegations" + EXCLUDED."allegations";
END
$$;

CREATE FUNCTION "article_changed_company_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- Before the row goes, while its claims are still there: their cascaded deletes find no article.
    PERFORM "tally_article_outlet"(OLD.id, OLD."outletId", -1);
    RETURN OLD;
  END IF;
  IF NEW."outletId" IS DISTINCT FROM OLD."outletId" THEN
    PERFORM "tally_article_outlet"(NEW.id, OLD."outletId", -1);
    PERFORM "tally_article_outlet"(NEW.id, NEW."outletId", 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Article_company_tally_delete" BEFORE DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION "article_changed_company_tally"();
CREATE TRIGGER "Article_company_tally_outlet" AFTER UPDATE OF "outletId" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION "article_changed_company_tally"();

-- The archive as it stands, counted once.
INSERT INTO "CompanyTally" ("subjectId", "allegations", "unanswered")
SELECT "subjectId", count(*), count(*) FILTER (WHERE NOT "answered") FROM "ClaimCluster"
WHERE "subjectId" IS NOT NULL AND "allegations" > 0 GROUP BY "subjectId";

INSERT INTO "CompanyAnswerDays" ("subjectId", "days", "clusters")
SELECT "subjectId", GREATEST(0, "firstAnswered" - "firstReported"), count(*) FROM "ClaimCluster"
WHERE "subjectId" IS NOT NULL AND "allegations" > 0 AND "answered" AND "firstReported" IS NOT NULL AND "firstAnswered" IS NOT NULL
GROUP BY 1, 2;

INSERT INTO "CompanyOutletTally" ("subjectId", "outletId", "allegations")
SELECT c."subjectId", a."outletId", count(*) FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
WHERE c."kind" = 'allegation' AND c."subjectId" IS NOT NULL AND a."outletId" IS NOT NULL
GROUP BY 1, 2;

INSERT INTO "AnswerTally" ("subjectId", "speakerId", "answers")
SELECT coalesce("subjectId", '00000000-0000-0000-0000-000000000000'), coalesce("speakerId", '00000000-0000-0000-0000-000000000000'), count(*) FROM "Claim"
WHERE "kind" IN ('statement', 'denial') GROUP BY 1, 2;
