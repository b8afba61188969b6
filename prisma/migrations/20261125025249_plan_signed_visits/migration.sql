-- AlterTable
ALTER TABLE "treatment_plan" ADD COLUMN     "signed_visits" TIMESTAMPTZ(3)[] DEFAULT ARRAY[]::TIMESTAMPTZ(3)[];

-- The visit times of a plan's signed notes, ascending, kept with signed_sessions by the same trigger. A report asks
-- "how many sessions had the plan had, and when was the last, at the end of last month?"; with the times in the row,
-- width_bucket(cut-off, signed_visits) answers without reading the plan's notes (which was ~1,200 index look-ups for
-- a clinic's month: bench/RESULTS.md, Caseload report).
UPDATE "treatment_plan" p
SET "signed_visits" = s.visits
FROM (
  SELECT "plan_id", array_agg("visited_at" ORDER BY "visited_at") AS visits
  FROM "visit_note" WHERE "status" = 'signed' AND "plan_id" IS NOT NULL GROUP BY "plan_id"
) s
WHERE p."id" = s."plan_id";

CREATE OR REPLACE FUNCTION "treatment_plan_add_signed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "treatment_plan" p
  SET "signed_sessions" = p."signed_sessions" + s.n,
      "last_signed_visit_at" = greatest(p."last_signed_visit_at", s.last_visit),
      "signed_visits" = (SELECT array_agg(v ORDER BY v) FROM unnest(coalesce(p."signed_visits", '{}') || s.visits) AS v)
  FROM (
    SELECT n."plan_id", count(*)::int AS n, max(n."visited_at") AS last_visit, array_agg(n."visited_at") AS visits
    FROM "signed_notes" n
    WHERE n."status" = 'signed' AND n."plan_id" IS NOT NULL
    GROUP BY n."plan_id"
  ) s
  WHERE p."id" = s."plan_id";
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "treatment_plan_refuse_signed_count_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 AND (NEW."signed_sessions" IS DISTINCT FROM OLD."signed_sessions"
      OR NEW."last_signed_visit_at" IS DISTINCT FROM OLD."last_signed_visit_at"
      OR NEW."signed_visits" IS DISTINCT FROM OLD."signed_visits") THEN
    RAISE EXCEPTION 'treatment_plan %: signed_sessions, last_signed_visit_at and signed_visits are kept by the visit_note triggers', OLD."id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER "treatment_plan_signed_count_guard" ON "treatment_plan";
CREATE TRIGGER "treatment_plan_signed_count_guard" BEFORE UPDATE OF "signed_sessions", "last_signed_visit_at", "signed_visits" ON "treatment_plan"
  FOR EACH ROW EXECUTE FUNCTION "treatment_plan_refuse_signed_count_write"();
