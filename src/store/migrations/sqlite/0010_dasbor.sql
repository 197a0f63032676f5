-- 0010 dashboards and public statistics (issue 3 §4): one covering index
-- for the grouped counts of src/store/store_*_statistik.c. Every column a
-- statistics statement reads is in it, so a count over 100,000 cases scans
-- this narrow index and never the wide case rows (kronologi, saksi ...).
-- instansi_id first: a scoped dashboard reads only its instansi's ranges.
CREATE INDEX kasus_statistik ON kasus(instansi_id, created_ms, konteks, tahap,
	pelanggaran_kode, tenggat_hari, tahap_sejak_ms);
-- The history statements (kasus_langkah, kasus_sanksi) look each row's case
-- up by id with the filter columns: this narrow index answers that lookup.
CREATE INDEX kasus_statistik_id ON kasus(id, instansi_id, created_ms, konteks);
-- Durations per stage read the transition history in case order with the
-- stage left and the time: covering, so the wide rows (isian) stay unread.
CREATE INDEX kasus_langkah_statistik ON kasus_langkah(kasus_id, id, dari, created_ms);
