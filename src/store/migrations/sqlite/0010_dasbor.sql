-- 0010 dashboards and public statistics (issue 3 §4): one covering index
-- for the grouped counts of src/store/store_*_statistik.c. Every column a
-- statistics statement reads is in it, so a count over 100,000 cases scans
-- this narrow index and never the wide case rows (kronologi, saksi ...).
-- instansi_id first: a scoped dashboard reads only its instansi's ranges.
CREATE INDEX kasus_statistik ON kasus(instansi_id, created_ms, konteks, tahap,
	pelanggaran_kode, tenggat_hari, tahap_sejak_ms);
