-- CreateEnum
CREATE TYPE "muscle_region" AS ENUM ('head_neck', 'shoulder', 'upper_limb', 'thorax', 'back', 'hip_pelvis', 'lower_limb');

-- CreateEnum
CREATE TYPE "visit_note_status" AS ENUM ('draft', 'signed');

-- CreateEnum
CREATE TYPE "needle_side" AS ENUM ('left', 'right', 'bilateral', 'midline');

-- CreateEnum
CREATE TYPE "needle_technique" AS ENUM ('pistoning', 'rotation', 'static', 'electrical');

-- CreateEnum
CREATE TYPE "twitch_response" AS ENUM ('none', 'local', 'strong');

-- CreateEnum
CREATE TYPE "needle_tolerance" AS ENUM ('good', 'fair', 'poor');

-- AlterTable
ALTER TABLE "treatment_plan" ADD COLUMN     "review_note" TEXT,
ADD COLUMN     "reviewed_at" TIMESTAMPTZ(3),
ADD COLUMN     "reviewed_by_id" UUID;

-- CreateTable
CREATE TABLE "muscle" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" "muscle_region" NOT NULL,
    "sided" BOOLEAN NOT NULL DEFAULT true,
    "levelled" BOOLEAN NOT NULL DEFAULT false,
    "depth_min_cm" DECIMAL(3,1) NOT NULL,
    "depth_max_cm" DECIMAL(3,1) NOT NULL,
    "thorax_risk" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "muscle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit_note" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "clinician_id" UUID NOT NULL,
    "appointment_id" UUID NOT NULL,
    "plan_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "status" "visit_note_status" NOT NULL DEFAULT 'draft',
    "visited_at" TIMESTAMPTZ(3) NOT NULL,
    "visit_date" DATE NOT NULL,
    "session_number" INTEGER,
    "pain_before" SMALLINT,
    "pain_after" SMALLINT,
    "subjective" TEXT NOT NULL DEFAULT '',
    "objective" TEXT NOT NULL DEFAULT '',
    "assessment" TEXT NOT NULL DEFAULT '',
    "plan" TEXT NOT NULL DEFAULT '',
    "advice" TEXT NOT NULL DEFAULT '',
    "screening_changes" TEXT NOT NULL DEFAULT '',
    "needling_done" BOOLEAN NOT NULL DEFAULT true,
    "needles_opened" INTEGER NOT NULL DEFAULT 0,
    "needles_removed" INTEGER NOT NULL DEFAULT 0,
    "needles_retained" INTEGER NOT NULL DEFAULT 0,
    "needles_disposed" INTEGER NOT NULL DEFAULT 0,
    "minutes_spent" INTEGER,
    "signed_at" TIMESTAMPTZ(3),
    "signed_by_id" UUID,
    "content_hash" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "visit_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit_site" (
    "id" UUID NOT NULL,
    "visit_note_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "muscle_id" UUID NOT NULL,
    "side" "needle_side" NOT NULL,
    "level" TEXT,
    "gauge_mm" DECIMAL(3,2) NOT NULL,
    "length_mm" INTEGER NOT NULL,
    "depth_cm" DECIMAL(3,1) NOT NULL,
    "depth_ack_reason" TEXT,
    "technique" "needle_technique" NOT NULL,
    "twitch" "twitch_response" NOT NULL,
    "tolerance" "needle_tolerance" NOT NULL,

    CONSTRAINT "visit_site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit_adverse_event" (
    "id" UUID NOT NULL,
    "visit_note_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" TEXT,

    CONSTRAINT "visit_adverse_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit_addendum" (
    "id" UUID NOT NULL,
    "visit_note_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "visit_addendum_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "muscle_code_key" ON "muscle"("code");

-- CreateIndex
CREATE UNIQUE INDEX "visit_note_appointment_id_key" ON "visit_note"("appointment_id");

-- CreateIndex
CREATE INDEX "visit_note_clinician_id_status_visited_at_idx" ON "visit_note"("clinician_id", "status", "visited_at");

-- CreateIndex
CREATE INDEX "visit_note_patient_id_visited_at_idx" ON "visit_note"("patient_id", "visited_at");

-- CreateIndex
CREATE INDEX "visit_note_plan_id_status_idx" ON "visit_note"("plan_id", "status");

-- CreateIndex
CREATE INDEX "visit_site_muscle_id_idx" ON "visit_site"("muscle_id");

-- CreateIndex
CREATE UNIQUE INDEX "visit_site_visit_note_id_position_key" ON "visit_site"("visit_note_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "visit_adverse_event_visit_note_id_position_key" ON "visit_adverse_event"("visit_note_id", "position");

-- CreateIndex
CREATE INDEX "visit_addendum_visit_note_id_created_at_idx" ON "visit_addendum"("visit_note_id", "created_at");

-- AddForeignKey
ALTER TABLE "visit_note" ADD CONSTRAINT "visit_note_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_note" ADD CONSTRAINT "visit_note_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_note" ADD CONSTRAINT "visit_note_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_note" ADD CONSTRAINT "visit_note_clinician_id_fkey" FOREIGN KEY ("clinician_id") REFERENCES "clinician"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_note" ADD CONSTRAINT "visit_note_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_note" ADD CONSTRAINT "visit_note_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "treatment_plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_site" ADD CONSTRAINT "visit_site_visit_note_id_fkey" FOREIGN KEY ("visit_note_id") REFERENCES "visit_note"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_site" ADD CONSTRAINT "visit_site_muscle_id_fkey" FOREIGN KEY ("muscle_id") REFERENCES "muscle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_adverse_event" ADD CONSTRAINT "visit_adverse_event_visit_note_id_fkey" FOREIGN KEY ("visit_note_id") REFERENCES "visit_note"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_addendum" ADD CONSTRAINT "visit_addendum_visit_note_id_fkey" FOREIGN KEY ("visit_note_id") REFERENCES "visit_note"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- Hand-written below: what schema.prisma cannot express.

ALTER TABLE "muscle" ADD CONSTRAINT "muscle_depth_range" CHECK ("depth_min_cm" > 0 AND "depth_max_cm" >= "depth_min_cm");

ALTER TABLE "treatment_plan" ADD CONSTRAINT "treatment_plan_planned_sessions" CHECK ("planned_sessions" BETWEEN 1 AND 30);
ALTER TABLE "treatment_plan" ADD CONSTRAINT "treatment_plan_discontinued_reason"
  CHECK ("status" <> 'discontinued' OR "status_reason" IS NOT NULL);

ALTER TABLE "visit_note" ADD CONSTRAINT "visit_note_pain_range"
  CHECK ("pain_before" BETWEEN 0 AND 10 AND "pain_after" BETWEEN 0 AND 10);
ALTER TABLE "visit_note" ADD CONSTRAINT "visit_note_needle_counts_non_negative"
  CHECK ("needles_opened" >= 0 AND "needles_removed" >= 0 AND "needles_retained" >= 0 AND "needles_disposed" >= 0);
ALTER TABLE "visit_note" ADD CONSTRAINT "visit_note_minutes_spent" CHECK ("minutes_spent" BETWEEN 1 AND 600);
ALTER TABLE "visit_note" ADD CONSTRAINT "visit_note_session_number" CHECK ("session_number" >= 1);
-- A signed note always says who signed it, when, and the hash of what they signed; and it balances its needles
-- (the sign rules check this first and explain it; the database makes it impossible to store otherwise).
ALTER TABLE "visit_note" ADD CONSTRAINT "visit_note_signed_complete" CHECK (
  "status" = 'draft' OR (
    "signed_at" IS NOT NULL AND "signed_by_id" IS NOT NULL AND "content_hash" IS NOT NULL
    AND "needles_opened" = "needles_removed" + "needles_retained" AND "needles_disposed" = "needles_removed"
  )
);
-- Session n of a plan is unique: two notes signed at once cannot both become session 4.
CREATE UNIQUE INDEX "visit_note_plan_session_key" ON "visit_note" ("plan_id", "session_number")
  WHERE "session_number" IS NOT NULL;

ALTER TABLE "visit_site" ADD CONSTRAINT "visit_site_position" CHECK ("position" >= 0);
ALTER TABLE "visit_site" ADD CONSTRAINT "visit_site_needle_size"
  CHECK ("gauge_mm" BETWEEN 0.10 AND 0.50 AND "length_mm" BETWEEN 5 AND 150);
-- A depth deeper than the needle is long is impossible (domain.md): refused as input and here.
ALTER TABLE "visit_site" ADD CONSTRAINT "visit_site_depth_within_needle"
  CHECK ("depth_cm" > 0 AND "depth_cm" * 10 <= "length_mm");

ALTER TABLE "visit_adverse_event" ADD CONSTRAINT "visit_adverse_event_kind" CHECK ("kind" IN (
  'bleeding', 'bruising', 'soreness', 'vasovagal', 'suspected-pneumothorax', 'retained-needle', 'other'
));
ALTER TABLE "visit_adverse_event" ADD CONSTRAINT "visit_adverse_event_other_detail"
  CHECK ("kind" <> 'other' OR length(trim("detail")) > 0);

ALTER TABLE "visit_addendum" ADD CONSTRAINT "visit_addendum_text"
  CHECK (length(trim("reason")) > 0 AND length(trim("text")) > 0);

-- A signed note never changes (domain.md): whoever asks, UPDATE and DELETE of a signed note, and any change to the
-- sites and adverse events of a signed note, are refused. Signing itself is the one allowed update of a draft.
CREATE FUNCTION "visit_note_refuse_signed_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'signed' THEN
    RAISE EXCEPTION 'visit note % is signed: % refused (add an addendum instead)', OLD."id", TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "visit_note_signed_immutable" BEFORE UPDATE OR DELETE ON "visit_note"
  FOR EACH ROW EXECUTE FUNCTION "visit_note_refuse_signed_change"();

CREATE FUNCTION "visit_note_child_refuse_when_signed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  note_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    note_ids := ARRAY[NEW."visit_note_id"];
  ELSIF TG_OP = 'UPDATE' THEN
    note_ids := ARRAY[OLD."visit_note_id", NEW."visit_note_id"];
  ELSE
    note_ids := ARRAY[OLD."visit_note_id"];
  END IF;
  -- FOR SHARE: a child written while another transaction signs the note waits for it, then sees it signed.
  PERFORM 1 FROM "visit_note" WHERE "id" = ANY(note_ids) AND "status" = 'signed' FOR SHARE;
  IF FOUND THEN
    RAISE EXCEPTION '%: the visit note is signed: % refused (add an addendum instead)', TG_TABLE_NAME, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "visit_site_signed_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "visit_site"
  FOR EACH ROW EXECUTE FUNCTION "visit_note_child_refuse_when_signed"();
CREATE TRIGGER "visit_adverse_event_signed_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "visit_adverse_event"
  FOR EACH ROW EXECUTE FUNCTION "visit_note_child_refuse_when_signed"();

-- Addenda are add-only, and only a signed note takes them (a draft is simply edited).
CREATE FUNCTION "visit_addendum_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'visit_addendum is add-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM 1 FROM "visit_note" WHERE "id" = NEW."visit_note_id" AND "status" = 'signed';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'an addendum needs a signed visit note' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "visit_addendum_add_only" BEFORE INSERT OR UPDATE OR DELETE ON "visit_addendum"
  FOR EACH ROW EXECUTE FUNCTION "visit_addendum_guard"();
CREATE TRIGGER "visit_addendum_no_truncate" BEFORE TRUNCATE ON "visit_addendum"
  FOR EACH STATEMENT EXECUTE FUNCTION "visit_addendum_guard"();
REVOKE UPDATE, DELETE, TRUNCATE ON "visit_addendum" FROM ims_app;
-- The catalogue is reference data maintained by migrations.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "muscle" FROM ims_app;
