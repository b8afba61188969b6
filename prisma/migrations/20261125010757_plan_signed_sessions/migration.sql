-- AlterTable
ALTER TABLE "treatment_plan" ADD COLUMN     "last_signed_visit_at" TIMESTAMPTZ(3),
ADD COLUMN     "signed_sessions" INTEGER NOT NULL DEFAULT 0;

-- A plan's signed sessions, kept where the reports read them. Session n of a plan is its n-th SIGNED note
-- (domain.md), and counting them per plan for every plan of a month made most of the caseload report's cost
-- (bench/RESULTS.md, Caseload report). Signed notes never change or go (visit_note_signed_immutable), so a plan's
-- count only grows, when a note is signed or inserted already signed; triggers keep it whatever path signs.
ALTER TABLE "treatment_plan" ADD CONSTRAINT "treatment_plan_signed_sessions_non_negative" CHECK ("signed_sessions" >= 0);

UPDATE "treatment_plan" p
SET "signed_sessions" = s.n, "last_signed_visit_at" = s.last_visit
FROM (
  SELECT "plan_id", count(*)::int AS n, max("visited_at") AS last_visit
  FROM "visit_note" WHERE "status" = 'signed' AND "plan_id" IS NOT NULL GROUP BY "plan_id"
) s
WHERE p."id" = s."plan_id";

-- Statement-level with transition tables: signing one note and the large seed signing a million cost one UPDATE each.
CREATE FUNCTION "treatment_plan_add_signed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "treatment_plan" p
  SET "signed_sessions" = p."signed_sessions" + s.n,
      "last_signed_visit_at" = greatest(p."last_signed_visit_at", s.last_visit)
  FROM (
    SELECT n."plan_id", count(*)::int AS n, max(n."visited_at") AS last_visit
    FROM "signed_notes" n
    WHERE n."status" = 'signed' AND n."plan_id" IS NOT NULL
    GROUP BY n."plan_id"
  ) s
  WHERE p."id" = s."plan_id";
  RETURN NULL;
END $$;

-- The transition table of an UPDATE holds every updated note; signed ones were drafts before (a signed note cannot
-- be updated), except in the one case the immutability trigger allows: none. So every signed row is newly signed.
CREATE TRIGGER "visit_note_count_signed_on_insert" AFTER INSERT ON "visit_note"
  REFERENCING NEW TABLE AS "signed_notes" FOR EACH STATEMENT EXECUTE FUNCTION "treatment_plan_add_signed"();
CREATE TRIGGER "visit_note_count_signed_on_update" AFTER UPDATE ON "visit_note"
  REFERENCING NEW TABLE AS "signed_notes" FOR EACH STATEMENT EXECUTE FUNCTION "treatment_plan_add_signed"();

-- Only those triggers write the two columns: a direct write (a bug, a hand-typed UPDATE) is refused.
CREATE FUNCTION "treatment_plan_refuse_signed_count_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 AND (NEW."signed_sessions" IS DISTINCT FROM OLD."signed_sessions"
      OR NEW."last_signed_visit_at" IS DISTINCT FROM OLD."last_signed_visit_at") THEN
    RAISE EXCEPTION 'treatment_plan %: signed_sessions and last_signed_visit_at are kept by the visit_note triggers', OLD."id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "treatment_plan_signed_count_guard" BEFORE UPDATE OF "signed_sessions", "last_signed_visit_at" ON "treatment_plan"
  FOR EACH ROW EXECUTE FUNCTION "treatment_plan_refuse_signed_count_write"();

-- The plans a report's range touches, by clinic and end (open plans as ending at infinity), and a plan's signed
-- visits in time order for the few plans visited after a past range's cut-off.
CREATE INDEX "treatment_plan_clinic_id_ends_idx" ON "treatment_plan" ("clinic_id", (coalesce("ended_on", 'infinity'::date)));
CREATE INDEX "visit_note_plan_id_visited_at_signed_idx" ON "visit_note" ("plan_id", "visited_at") WHERE "status" = 'signed';
