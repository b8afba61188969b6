-- CreateEnum
CREATE TYPE "sex" AS ENUM ('female', 'male', 'intersex', 'unknown');

-- CreateEnum
CREATE TYPE "contact_channel" AS ENUM ('email', 'sms', 'phone', 'none');

-- CreateEnum
CREATE TYPE "consent_given_by" AS ENUM ('patient', 'guardian', 'capable_minor');

-- CreateEnum
CREATE TYPE "consent_method" AS ENUM ('verbal', 'written', 'electronic');

-- CreateEnum
CREATE TYPE "import_status" AS ENUM ('validated', 'committing', 'committed', 'failed');

-- AlterTable
ALTER TABLE "patient" ADD COLUMN     "address_line1" TEXT,
ADD COLUMN     "address_line2" TEXT,
ADD COLUMN     "anonymised_at" TIMESTAMPTZ(3),
ADD COLUMN     "anonymised_by_id" UUID,
ADD COLUMN     "archived_by_id" UUID,
ADD COLUMN     "city" TEXT,
ADD COLUMN     "country" TEXT,
ADD COLUMN     "emergency_contact_name" TEXT,
ADD COLUMN     "emergency_contact_phone" TEXT,
ADD COLUMN     "emergency_contact_relationship" TEXT,
ADD COLUMN     "front_desk_notes" TEXT,
ADD COLUMN     "gender_identity" TEXT,
ADD COLUMN     "health_number" TEXT,
ADD COLUMN     "health_number_issuer" TEXT,
ADD COLUMN     "health_number_key" TEXT,
ADD COLUMN     "middle_name" TEXT,
ADD COLUMN     "phone_alt" TEXT,
ADD COLUMN     "phone_digits" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "postal_code" TEXT,
ADD COLUMN     "preferred_contact" "contact_channel" NOT NULL DEFAULT 'email',
ADD COLUMN     "pronouns" TEXT,
ADD COLUMN     "referral_source" TEXT,
ADD COLUMN     "referrer_name" TEXT,
ADD COLUMN     "region" TEXT,
ADD COLUMN     "reminder_consent_email" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reminder_consent_sms" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "search_name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sex" "sex";

-- CreateTable
CREATE TABLE "patient_screening" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "items" JSONB NOT NULL,
    "precautions_present" BOOLEAN NOT NULL,
    "notes" TEXT,

    CONSTRAINT "patient_screening_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ims_consent" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "taken_by_id" UUID NOT NULL,
    "consented_on" DATE NOT NULL,
    "risks_disclosed" TEXT[],
    "thorax_included" BOOLEAN NOT NULL DEFAULT false,
    "method" "consent_method" NOT NULL,
    "given_by" "consent_given_by" NOT NULL,
    "guardian_name" TEXT,
    "guardian_relationship" TEXT,
    "capacity_finding" TEXT,
    "notes" TEXT,
    "withdrawn_on" DATE,
    "withdrawn_by_id" UUID,
    "withdrawal_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ims_consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "patient_import" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "file_name" TEXT NOT NULL,
    "status" "import_status" NOT NULL,
    "total_rows" INTEGER NOT NULL,
    "processed_rows" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "duplicate_count" INTEGER NOT NULL DEFAULT 0,
    "mapping" JSONB NOT NULL,
    "rows" JSONB,
    "report" JSONB NOT NULL,
    "committed_at" TIMESTAMPTZ(3),

    CONSTRAINT "patient_import_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "patient_screening_patient_id_recorded_at_idx" ON "patient_screening"("patient_id", "recorded_at");

-- CreateIndex
CREATE INDEX "ims_consent_patient_id_consented_on_idx" ON "ims_consent"("patient_id", "consented_on");

-- CreateIndex
CREATE INDEX "patient_import_organisation_id_created_at_idx" ON "patient_import"("organisation_id", "created_at");

-- CreateIndex
CREATE INDEX "patient_organisation_id_date_of_birth_idx" ON "patient"("organisation_id", "date_of_birth");

-- CreateIndex
CREATE INDEX "patient_organisation_id_health_number_key_idx" ON "patient"("organisation_id", "health_number_key");

-- CreateIndex
CREATE INDEX "patient_search_name_trgm" ON "patient" USING GIN ("search_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "patient_phone_digits_trgm" ON "patient" USING GIN ("phone_digits" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "patient_screening" ADD CONSTRAINT "patient_screening_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_screening" ADD CONSTRAINT "patient_screening_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_screening" ADD CONSTRAINT "patient_screening_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ims_consent" ADD CONSTRAINT "ims_consent_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ims_consent" ADD CONSTRAINT "ims_consent_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ims_consent" ADD CONSTRAINT "ims_consent_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_import" ADD CONSTRAINT "patient_import_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_import" ADD CONSTRAINT "patient_import_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written below: fill the search columns of patients registered before this migration (the app keeps them
-- up to date from now on; accents are folded by the app, plain lower() here).
UPDATE "patient"
SET "search_name" = lower(concat_ws(' ', "first_name", "middle_name", "last_name", "preferred_name")),
    "phone_digits" = CASE
      WHEN regexp_replace(coalesce("phone", ''), '\D', '', 'g') ~ '^1\d{10}$'
        THEN regexp_replace("phone", '\D', '', 'g') || ' ' || substr(regexp_replace("phone", '\D', '', 'g'), 2)
      ELSE regexp_replace(coalesce("phone", ''), '\D', '', 'g')
    END;
