-- An article's open suggestions replaced in one call (lib/queries/suggestions.ts). It was five
-- statements in a transaction; on the embedded database the followed feeds' jobs held its one
-- session through every round trip between them, and pages waited.
-- The article row is locked first, so two callers at once take turns; with only_if_stale the
-- second finds the work done and writes nothing (NULL). Each statement of a function sees what
-- committed before it began, so the DELETE also sees a set the other caller just stored.
CREATE FUNCTION "replace_open_suggestions"(target_article uuid, engine_version text, only_if_stale boolean, failure_reason text, new_suggestions jsonb)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  stored_version text;
BEGIN
  SELECT "suggestedWith" INTO stored_version FROM "Article" WHERE id = target_article FOR UPDATE;
  IF NOT FOUND OR (only_if_stale AND stored_version IS NOT DISTINCT FROM engine_version) THEN
    RETURN NULL;
  END IF;
  DELETE FROM "ClaimSuggestion" WHERE "articleId" = target_article AND status = 'open';
  INSERT INTO "ClaimSuggestion" (id, "articleId", kind, target, quote, "speakerName", "speakerId", "subjectName", "subjectId", confidence, rule)
  SELECT s.id, target_article, s.kind, s.target, s.quote, s."speakerName", s."speakerId", s."subjectName", s."subjectId", s.confidence, s.rule
  FROM jsonb_to_recordset(new_suggestions) AS s(
    id uuid, kind "ClaimKind", target jsonb, quote text, "speakerName" text, "speakerId" uuid,
    "subjectName" text, "subjectId" uuid, confidence double precision, rule text
  );
  UPDATE "Article" SET "suggestedWith" = engine_version, "suggestFailure" = failure_reason, "updatedAt" = now() WHERE id = target_article;
  RETURN jsonb_array_length(new_suggestions);
END $$;
