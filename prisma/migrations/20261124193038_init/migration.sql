-- Extensions that later hand-written migrations need: btree_gist (exclusion constraints on time ranges) and
-- pg_trgm (trigram search). Added by hand; PGlite loads both as extensions too.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "role" AS ENUM ('receptionist', 'physiotherapist', 'manager', 'admin');

-- CreateEnum
CREATE TYPE "authorisation_kind" AS ENUM ('ims', 'dry_needling');

-- CreateEnum
CREATE TYPE "appointment_kind" AS ENUM ('initial_assessment', 'treatment', 'review');

-- CreateEnum
CREATE TYPE "appointment_status" AS ENUM ('booked', 'arrived', 'completed', 'cancelled', 'no_show');

-- CreateEnum
CREATE TYPE "condition" AS ENUM ('neck_pain', 'back_pain', 'headache', 'tennis_elbow', 'frozen_shoulder', 'whiplash', 'fibromyalgia', 'other');

-- CreateEnum
CREATE TYPE "plan_status" AS ENUM ('draft', 'active', 'completed', 'discontinued');

-- CreateEnum
CREATE TYPE "outcome_measure" AS ENUM ('NPRS', 'PSFS', 'ODI', 'NDI', 'QUICKDASH', 'PRTEE', 'SPADI', 'FIQR', 'HIT6', 'LEFS', 'GROC');

-- CreateTable
CREATE TABLE "organisation" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clinic" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "address" TEXT,
    "phone" TEXT,
    "late_cancel_notice_hours" INTEGER NOT NULL DEFAULT 24,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clinic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "roles" "role"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_clinic" (
    "organisation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,

    CONSTRAINT "user_clinic_pkey" PRIMARY KEY ("user_id","clinic_id")
);

-- CreateTable
CREATE TABLE "clinician" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "display_name" TEXT NOT NULL,
    "registration_number" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clinician_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "needling_authorisation" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "clinician_id" UUID NOT NULL,
    "kind" "authorisation_kind" NOT NULL,
    "issuing_body" TEXT NOT NULL,
    "number" TEXT,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "needling_authorisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "working_hours" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "clinician_id" UUID NOT NULL,
    "weekday" SMALLINT NOT NULL,
    "start_time" TIME(0) NOT NULL,
    "end_time" TIME(0) NOT NULL,

    CONSTRAINT "working_hours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "room" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "room_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appointment_type" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "appointment_kind" NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "appointment_type_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "patient" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "home_clinic_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "preferred_name" TEXT,
    "date_of_birth" DATE NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "treatment_plan" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "clinician_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "condition" "condition" NOT NULL,
    "condition_detail" TEXT,
    "regions" TEXT[],
    "goals" TEXT,
    "planned_sessions" INTEGER NOT NULL DEFAULT 10,
    "primary_measure" "outcome_measure" NOT NULL,
    "status" "plan_status" NOT NULL DEFAULT 'draft',
    "status_reason" TEXT,
    "started_on" DATE,
    "ended_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "treatment_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appointment" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "clinician_id" UUID NOT NULL,
    "room_id" UUID,
    "appointment_type_id" UUID NOT NULL,
    "plan_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "local_start" TIMESTAMP(0) NOT NULL,
    "time_zone" TEXT NOT NULL,
    "status" "appointment_status" NOT NULL DEFAULT 'booked',
    "status_changed_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "late_cancellation" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_session" (
    "id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "csrf_token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "ip_address" TEXT,
    "user_agent" TEXT,

    CONSTRAINT "auth_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_failure" (
    "id" BIGSERIAL NOT NULL,
    "email_key" TEXT NOT NULL,
    "ip_address" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_failure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "clinic_organisation_id_idx" ON "clinic"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "clinic_organisation_id_name_key" ON "clinic"("organisation_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_organisation_id_idx" ON "app_user"("organisation_id");

-- CreateIndex
CREATE INDEX "user_clinic_clinic_id_idx" ON "user_clinic"("clinic_id");

-- CreateIndex
CREATE UNIQUE INDEX "clinician_user_id_key" ON "clinician"("user_id");

-- CreateIndex
CREATE INDEX "clinician_organisation_id_idx" ON "clinician"("organisation_id");

-- CreateIndex
CREATE INDEX "needling_authorisation_clinician_id_idx" ON "needling_authorisation"("clinician_id");

-- CreateIndex
CREATE INDEX "working_hours_clinician_id_clinic_id_idx" ON "working_hours"("clinician_id", "clinic_id");

-- CreateIndex
CREATE UNIQUE INDEX "room_clinic_id_name_key" ON "room"("clinic_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "appointment_type_clinic_id_name_key" ON "appointment_type"("clinic_id", "name");

-- CreateIndex
CREATE INDEX "patient_organisation_id_last_name_first_name_idx" ON "patient"("organisation_id", "last_name", "first_name");

-- CreateIndex
CREATE INDEX "treatment_plan_patient_id_idx" ON "treatment_plan"("patient_id");

-- CreateIndex
CREATE INDEX "treatment_plan_clinician_id_status_idx" ON "treatment_plan"("clinician_id", "status");

-- CreateIndex
CREATE INDEX "appointment_clinic_id_starts_at_idx" ON "appointment"("clinic_id", "starts_at");

-- CreateIndex
CREATE INDEX "appointment_clinician_id_starts_at_idx" ON "appointment"("clinician_id", "starts_at");

-- CreateIndex
CREATE INDEX "appointment_patient_id_starts_at_idx" ON "appointment"("patient_id", "starts_at");

-- CreateIndex
CREATE INDEX "appointment_plan_id_idx" ON "appointment"("plan_id");

-- CreateIndex
CREATE UNIQUE INDEX "auth_session_token_hash_key" ON "auth_session"("token_hash");

-- CreateIndex
CREATE INDEX "auth_session_user_id_idx" ON "auth_session"("user_id");

-- CreateIndex
CREATE INDEX "login_failure_email_key_at_idx" ON "login_failure"("email_key", "at");

-- CreateIndex
CREATE INDEX "login_failure_ip_address_at_idx" ON "login_failure"("ip_address", "at");

-- AddForeignKey
ALTER TABLE "clinic" ADD CONSTRAINT "clinic_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_clinic" ADD CONSTRAINT "user_clinic_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_clinic" ADD CONSTRAINT "user_clinic_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_clinic" ADD CONSTRAINT "user_clinic_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinician" ADD CONSTRAINT "clinician_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinician" ADD CONSTRAINT "clinician_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "needling_authorisation" ADD CONSTRAINT "needling_authorisation_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "needling_authorisation" ADD CONSTRAINT "needling_authorisation_clinician_id_fkey" FOREIGN KEY ("clinician_id") REFERENCES "clinician"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_hours" ADD CONSTRAINT "working_hours_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_hours" ADD CONSTRAINT "working_hours_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_hours" ADD CONSTRAINT "working_hours_clinician_id_fkey" FOREIGN KEY ("clinician_id") REFERENCES "clinician"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "room" ADD CONSTRAINT "room_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "room" ADD CONSTRAINT "room_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_type" ADD CONSTRAINT "appointment_type_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_type" ADD CONSTRAINT "appointment_type_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient" ADD CONSTRAINT "patient_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient" ADD CONSTRAINT "patient_home_clinic_id_fkey" FOREIGN KEY ("home_clinic_id") REFERENCES "clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "treatment_plan" ADD CONSTRAINT "treatment_plan_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "treatment_plan" ADD CONSTRAINT "treatment_plan_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "treatment_plan" ADD CONSTRAINT "treatment_plan_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "treatment_plan" ADD CONSTRAINT "treatment_plan_clinician_id_fkey" FOREIGN KEY ("clinician_id") REFERENCES "clinician"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_clinician_id_fkey" FOREIGN KEY ("clinician_id") REFERENCES "clinician"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "room"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_appointment_type_id_fkey" FOREIGN KEY ("appointment_type_id") REFERENCES "appointment_type"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "treatment_plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth_session" ADD CONSTRAINT "auth_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
