-- The link relations become denies / responds_to / confirms / repeats. Existing links keep
-- their meaning: "answers" is now "responds_to", "disputes" is folded into "denies".
-- (No BEGIN/COMMIT: the migration runner applies each migration in one transaction.)
ALTER TABLE "ClaimLink" ALTER COLUMN "relation" TYPE TEXT;
DELETE FROM "ClaimLink" d WHERE d."relation" = 'disputes'
  AND EXISTS (SELECT 1 FROM "ClaimLink" k WHERE k."fromId" = d."fromId" AND k."toId" = d."toId" AND k."relation" = 'denies');
UPDATE "ClaimLink" SET "relation" = 'denies' WHERE "relation" = 'disputes';
UPDATE "ClaimLink" SET "relation" = 'responds_to' WHERE "relation" = 'answers';
DROP TYPE "LinkRelation";
CREATE TYPE "LinkRelation" AS ENUM ('denies', 'responds_to', 'confirms', 'repeats');
ALTER TABLE "ClaimLink" ALTER COLUMN "relation" TYPE "LinkRelation" USING ("relation"::"LinkRelation");
