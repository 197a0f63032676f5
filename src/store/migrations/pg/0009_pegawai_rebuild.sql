-- 0009 pegawai for bulk imports (PostgreSQL), in step with the SQLite
-- migration of the same number. PostgreSQL checks its IN (...) constraints
-- as a plain array comparison, so they stay as they are (the same sets as
-- the SQLite table's = ... OR = ... spelling). Only the index goes:
-- pegawai_nama (nama_lower text_pattern_ops) can serve LIKE 'prefix%' only,
-- and the name search is LIKE '%text%', so it cost every write and helped
-- no read.
DROP INDEX IF EXISTS pegawai_nama;
