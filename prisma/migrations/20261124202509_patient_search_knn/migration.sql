-- CreateIndex
CREATE INDEX "patient_search_name_trgm_gist" ON "patient" USING GIST ("search_name" gist_trgm_ops);
