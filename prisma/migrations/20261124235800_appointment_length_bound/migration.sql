-- Hand-written below: what schema.prisma cannot express.

-- An appointment lasts at most a day (types are 5-240 minutes). With this bound, "appointments overlapping
-- [from, to)" can be asked as starts_at in [from - 1 day, to), which the (clinic_id, starts_at) index answers as a
-- range instead of reading every earlier appointment of the clinic (bench/RESULTS.md, "Schedule day").
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_at_most_a_day" CHECK ("ends_at" - "starts_at" <= interval '1 day');
