CREATE TABLE "change_counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "change_counters" ("name", "value") VALUES ('pairs', 0);
--> statement-breakpoint
-- Raised once per transaction that wrote to a pair or to what pairs show, at its commit: the counter's
-- row is locked only for the instant before the transaction ends, so writers barely wait on it,
-- and whoever sees the written rows sees the raised counter (the same commit holds both).
CREATE FUNCTION count_pairs_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('xueqi.pairs_counted', true) IS DISTINCT FROM 'yes' THEN
    PERFORM set_config('xueqi.pairs_counted', 'yes', true);
    UPDATE change_counters SET value = value + 1 WHERE name = 'pairs';
    -- Heard by a process that is the database's only writer (PGlite), which counts instead of reading.
    PERFORM pg_notify('xueqi_counters', 'pairs');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- TRUNCATE has no rows to defer a trigger for: it raises the counter at once.
CREATE FUNCTION count_pairs_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'pairs';
  PERFORM pg_notify('xueqi_counters', 'pairs');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
  watched text;
BEGIN
  FOREACH watched IN ARRAY ARRAY['match_candidates', 'match_agreements', 'demands', 'enterprises', 'teams', 'faculty', 'universities'] LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION count_pairs_change()',
      watched || '_count_pairs_change', watched);
    EXECUTE format(
      'CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION count_pairs_truncate()',
      watched || '_count_pairs_truncate', watched);
  END LOOP;
END;
$$;
