-- AlterTable
ALTER TABLE "appointment" ADD COLUMN     "created_by_id" UUID,
ADD COLUMN     "overridden_by_id" UUID,
ADD COLUMN     "override_reason" TEXT,
ADD COLUMN     "series_id" UUID,
ADD COLUMN     "status_changed_by_id" UUID;

-- CreateTable
CREATE TABLE "clinic_opening_hours" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "weekday" SMALLINT NOT NULL,
    "opens_at" TIME(0) NOT NULL,
    "closes_at" TIME(0) NOT NULL,

    CONSTRAINT "clinic_opening_hours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clinician_time_off" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "clinician_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clinician_time_off_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appointment_change" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "appointment_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "changed_by_id" UUID,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "from_starts_at" TIMESTAMPTZ(3),
    "to_starts_at" TIMESTAMPTZ(3),
    "from_clinician_id" UUID,
    "to_clinician_id" UUID,
    "from_room_id" UUID,
    "to_room_id" UUID,
    "reason" TEXT,

    CONSTRAINT "appointment_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appointment_reminder" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "appointment_id" UUID NOT NULL,
    "appointment_version" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appointment_reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "waitlist_entry" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "appointment_type_id" UUID,
    "preferred_clinician_ids" UUID[],
    "preferred_weekdays" SMALLINT[],
    "earliest_time" TIME(0),
    "latest_time" TIME(0),
    "priority" SMALLINT NOT NULL DEFAULT 3,
    "notes" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),
    "removed_reason" TEXT,

    CONSTRAINT "waitlist_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_feed_token" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "clinician_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "calendar_feed_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "clinic_opening_hours_clinic_id_weekday_idx" ON "clinic_opening_hours"("clinic_id", "weekday");

-- CreateIndex
CREATE INDEX "clinician_time_off_clinician_id_starts_at_idx" ON "clinician_time_off"("clinician_id", "starts_at");

-- CreateIndex
CREATE INDEX "appointment_change_appointment_id_changed_at_idx" ON "appointment_change"("appointment_id", "changed_at");

-- CreateIndex
CREATE UNIQUE INDEX "appointment_reminder_appointment_id_appointment_version_cha_key" ON "appointment_reminder"("appointment_id", "appointment_version", "channel");

-- CreateIndex
CREATE INDEX "waitlist_entry_clinic_id_removed_at_priority_idx" ON "waitlist_entry"("clinic_id", "removed_at", "priority");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feed_token_token_hash_key" ON "calendar_feed_token"("token_hash");

-- CreateIndex
CREATE INDEX "calendar_feed_token_clinician_id_idx" ON "calendar_feed_token"("clinician_id");

-- AddForeignKey
ALTER TABLE "clinic_opening_hours" ADD CONSTRAINT "clinic_opening_hours_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinician_time_off" ADD CONSTRAINT "clinician_time_off_clinician_id_fkey" FOREIGN KEY ("clinician_id") REFERENCES "clinician"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_change" ADD CONSTRAINT "appointment_change_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_reminder" ADD CONSTRAINT "appointment_reminder_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_feed_token" ADD CONSTRAINT "calendar_feed_token_clinician_id_fkey" FOREIGN KEY ("clinician_id") REFERENCES "clinician"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below: what schema.prisma cannot express.

-- No double bookings, enforced by the database whatever the UI does: an active appointment (not cancelled, not a
-- no-show) may not overlap another active one of the same clinician, the same room or the same patient. Half-open
-- ranges, so back-to-back sessions (10:00-10:30, 10:30-11:00) are allowed.
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_ends_after_start" CHECK ("ends_at" > "starts_at");

ALTER TABLE "appointment" ADD CONSTRAINT "appointment_no_clinician_overlap"
  EXCLUDE USING gist ("clinician_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" NOT IN ('cancelled', 'no_show'));

ALTER TABLE "appointment" ADD CONSTRAINT "appointment_no_room_overlap"
  EXCLUDE USING gist ("room_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("room_id" IS NOT NULL AND "status" NOT IN ('cancelled', 'no_show'));

ALTER TABLE "appointment" ADD CONSTRAINT "appointment_no_patient_overlap"
  EXCLUDE USING gist ("patient_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" NOT IN ('cancelled', 'no_show'));

ALTER TABLE "clinician_time_off" ADD CONSTRAINT "clinician_time_off_ends_after_start" CHECK ("ends_at" > "starts_at");
ALTER TABLE "clinic_opening_hours" ADD CONSTRAINT "clinic_opening_hours_weekday" CHECK ("weekday" BETWEEN 1 AND 7);
ALTER TABLE "clinic_opening_hours" ADD CONSTRAINT "clinic_opening_hours_closes_after_opens" CHECK ("closes_at" > "opens_at");
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_priority" CHECK ("priority" BETWEEN 1 AND 5);
