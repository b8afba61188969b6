-- CreateTable
CREATE TABLE "appointment_day_figures" (
    "clinic_id" UUID NOT NULL,
    "clinician_id" UUID NOT NULL,
    "local_day" DATE NOT NULL,
    "appointments" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "held_ms" BIGINT NOT NULL DEFAULT 0,
    "due" INTEGER NOT NULL DEFAULT 0,
    "no_shows" INTEGER NOT NULL DEFAULT 0,
    "late_cancellations" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "appointment_day_figures_pkey" PRIMARY KEY ("clinic_id","clinician_id","local_day")
);

-- What one appointment row adds to its day (the report's definitions: reports/appointment-facts.ts).
CREATE FUNCTION "appointment_day_figures_of"(a "appointment", sign int)
RETURNS TABLE ("clinic_id" uuid, "clinician_id" uuid, "local_day" date, "appointments" int, "delivered" int, "held_ms" bigint,
  "due" int, "no_shows" int, "late_cancellations" int)
LANGUAGE sql STABLE AS $$
  SELECT a."clinic_id", a."clinician_id", (a."starts_at" AT TIME ZONE a."time_zone")::date,
    sign,
    sign * (a."status" = 'completed')::int,
    sign * CASE WHEN a."status" IN ('booked', 'arrived', 'completed')
      THEN round(extract(epoch FROM a."ends_at" - a."starts_at") * 1000)::bigint ELSE 0 END,
    sign * (a."status" IN ('arrived', 'completed', 'no_show') OR (a."status" = 'cancelled' AND a."late_cancellation"))::int,
    sign * (a."status" = 'no_show')::int,
    sign * (a."status" = 'cancelled' AND a."late_cancellation")::int
$$;

INSERT INTO "appointment_day_figures"
SELECT f."clinic_id", f."clinician_id", f."local_day", sum(f."appointments"), sum(f."delivered"), sum(f."held_ms"), sum(f."due"),
  sum(f."no_shows"), sum(f."late_cancellations")
FROM "appointment" a CROSS JOIN LATERAL "appointment_day_figures_of"(a, 1) f
GROUP BY f."clinic_id", f."clinician_id", f."local_day";

-- Statement-level with transition tables: a booking adds one row's worth, a course ten, the large seed's COPY two
-- million, each in one upsert. Rows are upserted in key order so two transactions touching the same days (a move
-- each way between two clinicians) lock them in the same order and cannot deadlock. The source is spliced in by
-- operation because a statement may only name the transition tables its trigger has.
CREATE FUNCTION "appointment_day_figures_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added text := 'SELECT g.* FROM "appointment_rows_added" a CROSS JOIN LATERAL "appointment_day_figures_of"(a, 1) g';
  removed text := 'SELECT g.* FROM "appointment_rows_removed" a CROSS JOIN LATERAL "appointment_day_figures_of"(a, -1) g';
BEGIN
  EXECUTE format($upsert$
    INSERT INTO "appointment_day_figures" AS d
    SELECT f."clinic_id", f."clinician_id", f."local_day", sum(f."appointments"), sum(f."delivered"), sum(f."held_ms"), sum(f."due"),
      sum(f."no_shows"), sum(f."late_cancellations")
    FROM (%s) f
    GROUP BY f."clinic_id", f."clinician_id", f."local_day"
    -- An UPDATE that changed nothing counted (notes, a version bump) writes nothing.
    HAVING sum(f."appointments") <> 0 OR sum(f."delivered") <> 0 OR sum(f."held_ms") <> 0 OR sum(f."due") <> 0
      OR sum(f."no_shows") <> 0 OR sum(f."late_cancellations") <> 0
    ORDER BY f."clinic_id", f."clinician_id", f."local_day"
    ON CONFLICT ("clinic_id", "clinician_id", "local_day") DO UPDATE SET
      "appointments" = d."appointments" + excluded."appointments",
      "delivered" = d."delivered" + excluded."delivered",
      "held_ms" = d."held_ms" + excluded."held_ms",
      "due" = d."due" + excluded."due",
      "no_shows" = d."no_shows" + excluded."no_shows",
      "late_cancellations" = d."late_cancellations" + excluded."late_cancellations"
  $upsert$, CASE TG_OP WHEN 'INSERT' THEN added WHEN 'DELETE' THEN removed ELSE added || ' UNION ALL ' || removed END);
  RETURN NULL;
END $$;

CREATE TRIGGER "appointment_day_figures_on_insert" AFTER INSERT ON "appointment"
  REFERENCING NEW TABLE AS "appointment_rows_added" FOR EACH STATEMENT EXECUTE FUNCTION "appointment_day_figures_apply"();
CREATE TRIGGER "appointment_day_figures_on_update" AFTER UPDATE ON "appointment"
  REFERENCING OLD TABLE AS "appointment_rows_removed" NEW TABLE AS "appointment_rows_added"
  FOR EACH STATEMENT EXECUTE FUNCTION "appointment_day_figures_apply"();
CREATE TRIGGER "appointment_day_figures_on_delete" AFTER DELETE ON "appointment"
  REFERENCING OLD TABLE AS "appointment_rows_removed" FOR EACH STATEMENT EXECUTE FUNCTION "appointment_day_figures_apply"();

-- Only those triggers write the figures: a direct write (a bug, a hand-typed fix) is refused. And a counter never
-- goes below zero: that would mean the triggers lost track, so the write that made it fails instead of a report
-- quietly going wrong. (Not a CHECK: an upsert's proposed row carries a negative change and PostgreSQL checks it
-- before finding the row it updates; the final row is what this sees.)
CREATE FUNCTION "appointment_day_figures_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'appointment_day_figures is kept by the appointment triggers: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW."appointments" < 0 OR NEW."delivered" < 0 OR NEW."held_ms" < 0 OR NEW."due" < 0
      OR NEW."no_shows" < 0 OR NEW."late_cancellations" < 0) THEN
    RAISE EXCEPTION 'appointment_day_figures of clinician % on %: a counter would go below zero', NEW."clinician_id", NEW."local_day"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER "appointment_day_figures_guard" BEFORE INSERT OR UPDATE OR DELETE ON "appointment_day_figures"
  FOR EACH ROW EXECUTE FUNCTION "appointment_day_figures_guard"();

-- Patients seen (distinct, so not summable by day) read from completed appointments alone, index only.
CREATE INDEX "appointment_completed_clinic_id_starts_at_idx" ON "appointment" ("clinic_id", "starts_at")
  INCLUDE ("clinician_id", "patient_id", "time_zone") WHERE "status" = 'completed';
