-- Written by hand: the cluster summaries (migration cluster_summary) and the company tallies
-- (migration company_tallies) are kept by statement-level triggers instead of row-level ones,
-- with the same results. A statement's changed rows (its transition tables) are summed per
-- cluster and per tally row and written in key order, so:
-- - one statement takes the rows it changes in one order, whatever order its claims came in:
--   two transactions that each write claims about several companies in one statement wait for
--   each other in turn, never in a cycle (a deadlock, which PostgreSQL breaks by aborting one);
--   the tables are always taken in the same order too (ClaimCluster, CompanyTally,
--   CompanyAnswerDays, CompanyOutletTally, AnswerTally);
-- - a bulk insert refreshes each cluster and writes each tally row once per statement, not once
--   per claim; a change that adds what it takes away writes nothing.
-- Transition tables are only allowed on triggers of one event, so each table has one trigger per
-- event, all calling one function that reads the tables its event has.
-- PostgreSQL has no statistics for transition tables and guesses 1,000 rows for each, so the
-- join of a statement's old and new rows looks big enough to compile (JIT): 30-40 ms on every
-- one-row statement. The functions run with jit = off (PGlite has no JIT anyway).

DROP TRIGGER "Claim_cluster_summary" ON "Claim";
DROP TRIGGER "Claim_company_tally" ON "Claim";
DROP TRIGGER "ClaimLink_cluster_summary" ON "ClaimLink";
DROP TRIGGER "ClaimCluster_company_tally" ON "ClaimCluster";
DROP FUNCTION "claim_changed_cluster_summary"();
DROP FUNCTION "claim_changed_company_tally"();
DROP FUNCTION "link_changed_cluster_summary"();
DROP FUNCTION "cluster_changed_company_tally"();
DROP FUNCTION "tally_company_cluster"(uuid, boolean, boolean, date, date, integer);
DROP FUNCTION "tally_company_outlet"(uuid, uuid, integer);
DROP FUNCTION "tally_answer"(uuid, uuid, integer);
DROP FUNCTION "refresh_claim_cluster"(uuid);

-- Recomputes these clusters' summaries from their claims and the answers linked to them (as
-- refresh_claim_cluster did one at a time), after locking them in id order.
CREATE FUNCTION "refresh_claim_clusters"(clusters uuid[]) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF coalesce(cardinality(clusters), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM "ClaimCluster" WHERE id = ANY (clusters) ORDER BY id FOR NO KEY UPDATE;
  UPDATE "ClaimCluster" k SET
    "subjectId" = s."subjectId",
    "allegations" = s.allegations,
    "firstReported" = s.first,
    "answered" = a.answered,
    "firstAnswered" = a.first
  FROM (SELECT DISTINCT id FROM unnest(clusters) AS u(id)) t
  CROSS JOIN LATERAL
    (SELECT (array_agg(c."subjectId" ORDER BY c.id) FILTER (WHERE c."subjectId" IS NOT NULL))[1] AS "subjectId",
            (count(*) FILTER (WHERE c.kind = 'allegation'))::int AS allegations,
            min(c."claimDate") FILTER (WHERE c.kind = 'allegation') AS first
       FROM "Claim" c WHERE c."clusterId" = t.id) s
  CROSS JOIN LATERAL
    (SELECT count(*) > 0 AS answered, min(f."claimDate") AS first
       FROM "Claim" m JOIN "ClaimLink" l ON l."toId" = m.id JOIN "Claim" f ON f.id = l."fromId"
      WHERE m."clusterId" = t.id AND l.relation IN ('denies', 'responds_to', 'confirms')) a
  WHERE k.id = t.id;
END
$$;

-- What clusters add (delta 1) to their companies' allegations, unanswered ones and days to
-- answer, or take away (delta -1): only clusters with allegations and a subject are passed.
CREATE FUNCTION "tally_company_clusters"(subjects uuid[], answered boolean[], reported date[], answered_on date[], deltas integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "CompanyTally" ("subjectId", "allegations", "unanswered")
  SELECT t.s, sum(t.d)::int, coalesce(sum(t.d) FILTER (WHERE NOT t.a), 0)::int
  FROM unnest(subjects, answered, deltas) AS t(s, a, d)
  GROUP BY t.s HAVING sum(t.d) <> 0 OR coalesce(sum(t.d) FILTER (WHERE NOT t.a), 0) <> 0
  ORDER BY t.s
  ON CONFLICT ("subjectId") DO UPDATE
    SET "allegations" = "CompanyTally"."allegations" + EXCLUDED."allegations", "unanswered" = "CompanyTally"."unanswered" + EXCLUDED."unanswered";
  INSERT INTO "CompanyAnswerDays" ("subjectId", "days", "clusters")
  SELECT t.s, GREATEST(0, t.f - t.r), sum(t.d)::int
  FROM unnest(subjects, answered, reported, answered_on, deltas) AS t(s, a, r, f, d)
  WHERE t.a AND t.r IS NOT NULL AND t.f IS NOT NULL
  GROUP BY 1, 2 HAVING sum(t.d) <> 0
  ORDER BY 1, 2
  ON CONFLICT ("subjectId", "days") DO UPDATE SET "clusters" = "CompanyAnswerDays"."clusters" + EXCLUDED."clusters";
$$;

CREATE FUNCTION "clusters_changed_company_tally"() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  subjects uuid[];
  answered boolean[];
  reported date[];
  answered_on date[];
  deltas integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n."subjectId"), array_agg(n."answered"), array_agg(n."firstReported"), array_agg(n."firstAnswered"), array_agg(1)
      INTO subjects, answered, reported, answered_on, deltas
      FROM new_clusters n WHERE n."subjectId" IS NOT NULL AND n."allegations" > 0;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o."subjectId"), array_agg(o."answered"), array_agg(o."firstReported"), array_agg(o."firstAnswered"), array_agg(-1)
      INTO subjects, answered, reported, answered_on, deltas
      FROM old_clusters o WHERE o."subjectId" IS NOT NULL AND o."allegations" > 0;
  ELSE
    -- Most refreshes (another copy of an allegation, a link to an answered cluster) change nothing here.
    WITH changed AS (
      SELECT o."subjectId" AS os, o."allegations" > 0 AS oh, o."answered" AS oa, o."firstReported" AS oreported, o."firstAnswered" AS oanswered,
             n."subjectId" AS ns, n."allegations" > 0 AS nh, n."answered" AS na, n."firstReported" AS nreported, n."firstAnswered" AS nanswered
        FROM old_clusters o JOIN new_clusters n ON n.id = o.id
       WHERE (o."subjectId", o."allegations" > 0, o."answered", o."firstReported", o."firstAnswered")
             IS DISTINCT FROM (n."subjectId", n."allegations" > 0, n."answered", n."firstReported", n."firstAnswered")
    ), moves AS (
      SELECT os AS s, oa AS a, oreported AS r, oanswered AS f, -1 AS d FROM changed WHERE os IS NOT NULL AND oh
      UNION ALL
      SELECT ns, na, nreported, nanswered, 1 FROM changed WHERE ns IS NOT NULL AND nh
    )
    SELECT array_agg(s), array_agg(a), array_agg(r), array_agg(f), array_agg(d) INTO subjects, answered, reported, answered_on, deltas FROM moves;
  END IF;
  IF subjects IS NOT NULL THEN
    PERFORM "tally_company_clusters"(subjects, answered, reported, answered_on, deltas);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ClaimCluster_company_tally_insert" AFTER INSERT ON "ClaimCluster"
  REFERENCING NEW TABLE AS new_clusters FOR EACH STATEMENT EXECUTE FUNCTION "clusters_changed_company_tally"();
CREATE TRIGGER "ClaimCluster_company_tally_update" AFTER UPDATE ON "ClaimCluster"
  REFERENCING OLD TABLE AS old_clusters NEW TABLE AS new_clusters FOR EACH STATEMENT EXECUTE FUNCTION "clusters_changed_company_tally"();
CREATE TRIGGER "ClaimCluster_company_tally_delete" AFTER DELETE ON "ClaimCluster"
  REFERENCING OLD TABLE AS old_clusters FOR EACH STATEMENT EXECUTE FUNCTION "clusters_changed_company_tally"();

-- What claims add (delta 1) or take away (delta -1): allegations per company and outlet (a claim
-- deleted with its article finds no article: the article's own delete took its claims away),
-- statements and denials per subject and speaker (the nil UUID stands for none).
CREATE FUNCTION "tally_claims"(kinds "ClaimKind"[], subjects uuid[], speakers uuid[], articles uuid[], deltas integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "CompanyOutletTally" ("subjectId", "outletId", "allegations")
  SELECT t.s, a."outletId", sum(t.d)::int
  FROM unnest(kinds, subjects, articles, deltas) AS t(k, s, article, d) JOIN "Article" a ON a.id = t.article
  WHERE t.k = 'allegation' AND t.s IS NOT NULL AND a."outletId" IS NOT NULL
  GROUP BY 1, 2 HAVING sum(t.d) <> 0
  ORDER BY 1, 2
  ON CONFLICT ("subjectId", "outletId") DO UPDATE SET "allegations" = "CompanyOutletTally"."allegations" + EXCLUDED."allegations";
  INSERT INTO "AnswerTally" ("subjectId", "speakerId", "answers")
  SELECT coalesce(t.s, '00000000-0000-0000-0000-000000000000'), coalesce(t.speaker, '00000000-0000-0000-0000-000000000000'), sum(t.d)::int
  FROM unnest(kinds, subjects, speakers, deltas) AS t(k, s, speaker, d)
  WHERE t.k IN ('statement', 'denial')
  GROUP BY 1, 2 HAVING sum(t.d) <> 0
  ORDER BY 1, 2
  ON CONFLICT ("subjectId", "speakerId") DO UPDATE SET "answers" = "AnswerTally"."answers" + EXCLUDED."answers";
$$;

-- A claim's cluster is refreshed when the claim arrives, leaves, or changes cluster, kind,
-- subject or date; an answer's new date moves the first-answered date of what it answers.
-- Then the claims' own tallies.
CREATE FUNCTION "claims_changed_summaries"() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  clusters uuid[];
  kinds "ClaimKind"[];
  subjects uuid[];
  speakers uuid[];
  articles uuid[];
  deltas integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    clusters := ARRAY(SELECT DISTINCT n."clusterId" FROM new_claims n WHERE n."clusterId" IS NOT NULL);
    SELECT array_agg(n.kind), array_agg(n."subjectId"), array_agg(n."speakerId"), array_agg(n."articleId"), array_agg(1)
      INTO kinds, subjects, speakers, articles, deltas FROM new_claims n;
  ELSIF TG_OP = 'DELETE' THEN
    clusters := ARRAY(SELECT DISTINCT o."clusterId" FROM old_claims o WHERE o."clusterId" IS NOT NULL);
    SELECT array_agg(o.kind), array_agg(o."subjectId"), array_agg(o."speakerId"), array_agg(o."articleId"), array_agg(-1)
      INTO kinds, subjects, speakers, articles, deltas FROM old_claims o;
  ELSE
    clusters := ARRAY(
      SELECT DISTINCT x.id FROM (
        SELECT unnest(ARRAY[o."clusterId", n."clusterId"]) AS id FROM old_claims o JOIN new_claims n ON n.id = o.id
         WHERE (o."clusterId", o.kind, o."subjectId", o."claimDate") IS DISTINCT FROM (n."clusterId", n.kind, n."subjectId", n."claimDate")
        UNION ALL
        SELECT m."clusterId" FROM old_claims o JOIN new_claims n ON n.id = o.id
          JOIN "ClaimLink" l ON l."fromId" = n.id JOIN "Claim" m ON m.id = l."toId"
         WHERE n."claimDate" IS DISTINCT FROM o."claimDate"
      ) x WHERE x.id IS NOT NULL);
    WITH changed AS (
      SELECT o.kind AS ok, o."subjectId" AS os, o."speakerId" AS osp, o."articleId" AS oa,
             n.kind AS nk, n."subjectId" AS ns, n."speakerId" AS nsp, n."articleId" AS na
        FROM old_claims o JOIN new_claims n ON n.id = o.id
       WHERE (o.kind, o."subjectId", o."speakerId", o."articleId") IS DISTINCT FROM (n.kind, n."subjectId", n."speakerId", n."articleId")
    ), moves AS (
      SELECT ok AS k, os AS s, osp AS sp, oa AS a, -1 AS d FROM changed
      UNION ALL
      SELECT nk, ns, nsp, na, 1 FROM changed
    )
    SELECT array_agg(k), array_agg(s), array_agg(sp), array_agg(a), array_agg(d) INTO kinds, subjects, speakers, articles, deltas FROM moves;
  END IF;
  PERFORM "refresh_claim_clusters"(clusters);
  IF kinds IS NOT NULL THEN
    PERFORM "tally_claims"(kinds, subjects, speakers, articles, deltas);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Claim_summaries_insert" AFTER INSERT ON "Claim"
  REFERENCING NEW TABLE AS new_claims FOR EACH STATEMENT EXECUTE FUNCTION "claims_changed_summaries"();
CREATE TRIGGER "Claim_summaries_update" AFTER UPDATE ON "Claim"
  REFERENCING OLD TABLE AS old_claims NEW TABLE AS new_claims FOR EACH STATEMENT EXECUTE FUNCTION "claims_changed_summaries"();
CREATE TRIGGER "Claim_summaries_delete" AFTER DELETE ON "Claim"
  REFERENCING OLD TABLE AS old_claims FOR EACH STATEMENT EXECUTE FUNCTION "claims_changed_summaries"();

-- A link to a claim refreshes that claim's cluster. A link deleted with its claim finds no
-- claim: that claim's own delete refreshes.
CREATE FUNCTION "links_changed_cluster_summary"() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  answered uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    answered := ARRAY(SELECT n."toId" FROM new_links n);
  ELSIF TG_OP = 'DELETE' THEN
    answered := ARRAY(SELECT o."toId" FROM old_links o);
  ELSE
    answered := ARRAY(SELECT o."toId" FROM old_links o UNION SELECT n."toId" FROM new_links n);
  END IF;
  PERFORM "refresh_claim_clusters"(ARRAY(SELECT DISTINCT c."clusterId" FROM "Claim" c WHERE c.id = ANY (answered) AND c."clusterId" IS NOT NULL));
  RETURN NULL;
END
$$;

CREATE TRIGGER "ClaimLink_cluster_summary_insert" AFTER INSERT ON "ClaimLink"
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION "links_changed_cluster_summary"();
CREATE TRIGGER "ClaimLink_cluster_summary_update" AFTER UPDATE ON "ClaimLink"
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION "links_changed_cluster_summary"();
CREATE TRIGGER "ClaimLink_cluster_summary_delete" AFTER DELETE ON "ClaimLink"
  REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION "links_changed_cluster_summary"();
