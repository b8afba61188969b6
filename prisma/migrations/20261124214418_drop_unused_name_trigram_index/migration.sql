-- DropIndex
DROP INDEX "patient_search_name_trgm";
