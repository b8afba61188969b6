-- DropIndex
DROP INDEX "patient_search_name_trgm_gist";

-- Hand-written below.
-- Name search keys (apps/api/src/patients/name-search-keys.ts builds the typed side; keep the two in step): for every
-- word of search_name (split at spaces, apostrophes and hyphens, and also joined: o'brien -> o, brien, obrien) its
-- prefixes (p:), itself less one letter (d:, words of 4+ letters) and a crude sound-alike form (s:). A typed word
-- finds a patient by exact key lookups in the GIN index below: as a word or its start, within one typo, or by sound,
-- so the cost of a search no longer grows with how many names share letters with a short fragment.
-- COST: about 30 us a row, against the default 100 x cpu_operator_cost; priced low, the planner would rather filter a
-- sequential scan with it than read the index. PARALLEL RESTRICTED, although safe: at that price it would otherwise
-- start parallel workers for a 20-row front-desk lookup.
CREATE FUNCTION "patient_name_keys"(search_name text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL RESTRICTED COST 10000 AS $$
  WITH words AS (
    SELECT DISTINCT w
    FROM unnest(string_to_array(translate(search_name, '''-', '  '), ' ')
             || string_to_array(replace(replace(search_name, '''', ''), '-', ''), ' ')) AS w
    WHERE w <> ''
  )
  SELECT coalesce(array_agg(DISTINCT k), '{}')
  FROM (
    SELECT 'p:' || left(w, n) FROM words, generate_series(1, length(w)) AS n
    UNION ALL
    SELECT 'd:' || left(w, n - 1) || substr(w, n + 1) FROM words, generate_series(1, length(w)) AS n WHERE length(w) >= 4
    UNION ALL
    SELECT 's:' || regexp_replace(regexp_replace(translate(replace(replace(w, 'ph', 'f'), 'ck', 'k'), 'yczq', 'iksk'),
      '([a-z])h', '\1', 'g'), '([a-z])\1+', '\1', 'g') FROM words
  ) AS keys(k)
$$;

CREATE INDEX "patient_search_name_keys" ON "patient" USING GIN ("patient_name_keys"("search_name"));
