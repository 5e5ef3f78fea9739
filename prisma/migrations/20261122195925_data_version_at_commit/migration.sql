-- Raise the archive's change counter (DataVersion) when a transaction that wrote audit rows
-- commits, not when it writes them: a deferred constraint trigger runs at COMMIT, so the
-- counter's row is locked only for the instant of the commit, not for the whole of a long
-- transaction (an import, a bulk-ingest batch) while other editors' writes wait on it.
-- Every change is audited in its own transaction, so every change raises the counter, and a
-- reader that sees version N also sees everything committed with it.
CREATE FUNCTION "raise_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1)
  ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "AuditEvent_raise_data_version"
  AFTER INSERT ON "AuditEvent"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "raise_data_version"();
