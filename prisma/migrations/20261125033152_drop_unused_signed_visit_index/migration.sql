-- Reports now read a plan's sessions before a cut-off from treatment_plan.signed_visits (width_bucket), so nothing
-- reads this index any more; it only cost every signing a write.
DROP INDEX "visit_note_plan_id_visited_at_signed_idx";
