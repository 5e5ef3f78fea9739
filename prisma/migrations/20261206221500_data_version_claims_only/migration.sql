-- The change counter keys the caches of views built from claims (the timeline: lib/timeline/load.ts,
-- and its API's ETag). Audited changes that cannot change any claim, or anything shown with one,
-- no longer raise it: a new article (it has no claims yet), a stored text replaced (only while the
-- article has none), a rejected suggestion, a feed followed or not, an API token or a webhook.
-- With feeds followed, new articles arrive all day (bench:follow: 1,000 feeds stored one every
-- 0.6 s), and each retired every cached timeline, so journalists' pages were built again from the
-- database although nothing on them had changed.
DROP TRIGGER "AuditEvent_raise_data_version" ON "AuditEvent";

CREATE CONSTRAINT TRIGGER "AuditEvent_raise_data_version"
  AFTER INSERT ON "AuditEvent"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (NEW."action" NOT IN ('article.ingest', 'article.update-extraction', 'suggestion.reject', 'feed.follow', 'feed.unfollow', 'token.create', 'token.revoke', 'webhook.delete'))
  EXECUTE FUNCTION "raise_data_version"();
