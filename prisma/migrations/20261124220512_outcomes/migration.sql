-- CreateEnum
CREATE TYPE "outcome_timepoint" AS ENUM ('baseline', 'session', 'discharge', 'adhoc');

-- CreateTable
CREATE TABLE "outcome_record" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "measure" "outcome_measure" NOT NULL,
    "timepoint" "outcome_timepoint" NOT NULL,
    "session_number" INTEGER,
    "answers" JSONB NOT NULL,
    "score" DECIMAL(5,1) NOT NULL,
    "subscores" JSONB,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outcome_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outcome_record_plan_id_measure_taken_at_idx" ON "outcome_record"("plan_id", "measure", "taken_at");

-- CreateIndex
CREATE INDEX "outcome_record_patient_id_idx" ON "outcome_record"("patient_id");

-- AddForeignKey
ALTER TABLE "outcome_record" ADD CONSTRAINT "outcome_record_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outcome_record" ADD CONSTRAINT "outcome_record_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "treatment_plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written below: what schema.prisma cannot express.

ALTER TABLE "outcome_record" ADD CONSTRAINT "outcome_record_session_number"
  CHECK ("session_number" >= 1 AND ("timepoint" <> 'session' OR "session_number" IS NOT NULL));
-- GROC rates change itself: it has no baseline (domain.md).
ALTER TABLE "outcome_record" ADD CONSTRAINT "outcome_record_groc_no_baseline"
  CHECK ("measure" <> 'GROC' OR "timepoint" <> 'baseline');
-- Change is measured from one baseline per measure of a plan.
CREATE UNIQUE INDEX "outcome_record_one_baseline_key" ON "outcome_record" ("plan_id", "measure") WHERE "timepoint" = 'baseline';
