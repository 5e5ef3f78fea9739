-- Every cluster summary and company tally counted again from the claims, links and articles,
-- as the triggers of migrations cluster_summary, company_tallies and tally_statement_triggers
-- keep them row by row. For a bulk load that turns those triggers off (bench/lib/timeline-corpus.ts
-- loads a million claims so, in minutes instead of hours), and to repair tallies by hand:
--   SELECT recount_claim_summaries();
-- Run it with the triggers' tables not being written to (it replaces the tallies wholesale).
CREATE FUNCTION "recount_claim_summaries"() RETURNS void LANGUAGE sql AS $$
UPDATE "ClaimCluster" k SET
  "subjectId" = s."subjectId", "allegations" = s.allegations, "firstReported" = s.first,
  "answered" = a."clusterId" IS NOT NULL, "firstAnswered" = a.first
FROM
  (SELECT c."clusterId", (array_agg(c."subjectId" ORDER BY c.id) FILTER (WHERE c."subjectId" IS NOT NULL))[1] AS "subjectId",
          (count(*) FILTER (WHERE c.kind = 'allegation'))::int AS allegations,
          min(c."claimDate") FILTER (WHERE c.kind = 'allegation') AS first
     FROM "Claim" c WHERE c."clusterId" IS NOT NULL GROUP BY c."clusterId") s
  LEFT JOIN
  (SELECT m."clusterId", min(f."claimDate") AS first
     FROM "Claim" m JOIN "ClaimLink" l ON l."toId" = m.id JOIN "Claim" f ON f.id = l."fromId"
    WHERE l.relation IN ('denies', 'responds_to', 'confirms') GROUP BY m."clusterId") a ON a."clusterId" = s."clusterId"
WHERE k.id = s."clusterId";

DELETE FROM "CompanyTally";
DELETE FROM "CompanyAnswerDays";
DELETE FROM "CompanyOutletTally";
DELETE FROM "AnswerTally";

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
$$;
