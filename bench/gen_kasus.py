#!/usr/bin/env python3
"""Writes N neutrality cases straight into a migrated Wasdal SQLite store
(bench/dasbor.sh, tests/e2e/t_dasbor.sh). Deterministic for a seed.

--tree adds a realistic organisation tree under the root instansi first:
38 provinces with 13-14 kab/kota each (~550 instansi), the shape of
Indonesia's regional government. Distributions are rough but realistic:
most cases are closed, open ones pile up at verification and at the PPK,
a fifth of open deadlines are overdue, Pemilu 60 % / Pilkada 40 %, the
code-of-ethics forms (social media, attending campaigns) dominate, and a
few percent of reports name no instansi. Each case has a kronologi of a
few hundred bytes so rows are as wide as real ones."""
import argparse, hashlib, random, sqlite3, time

STAGES = [  # code, weight, deadline days (None = no deadline), terminal
    ("diterima", 4, None, 0), ("menunggu_pelapor", 2, None, 0),
    ("verifikasi_satgas", 8, 7, 0), ("kajian_bawaslu", 7, 7, 0),
    ("rekomendasi_bkn", 4, None, 0), ("tindak_lanjut_ppk", 9, 20, 0),
    ("pengendalian_peringatan", 2, 20, 0), ("pengendalian_teguran", 1, 20, 0),
    ("blokir_data", 1, None, 0), ("selesai", 40, None, 1),
    ("tidak_memenuhi_syarat", 10, None, 1), ("bukan_pelanggaran", 9, None, 1),
    ("dihentikan", 3, None, 1),
]
CODES = ([("KE-%d" % i, w) for i, w in zip(range(1, 8), (8, 14, 9, 16, 5, 4, 3))] +
         [("HD-%d" % i, 2) for i in range(1, 12)] +
         [("N-%d" % i, 2) for i in range(1, 8)] + [("lainnya", 4)])
WORDS = ("pegawai membagikan unggahan pasangan calon di grup dinas saat jam kerja "
         "menghadiri deklarasi dukungan memakai atribut partai di kantor kecamatan "
         "mengajak warga memilih calon tertentu dengan fasilitas negara").split()


# The way a case reaches its stage (bench realism for the history tables).
PATH = ["diterima", "verifikasi_satgas", "kajian_bawaslu", "rekomendasi_bkn", "tindak_lanjut_ppk",
        "pengendalian_peringatan", "pengendalian_teguran", "blokir_data"]
EXIT_AFTER = {"menunggu_pelapor": "diterima", "tidak_memenuhi_syarat": "verifikasi_satgas",
              "bukan_pelanggaran": "kajian_bawaslu", "dihentikan": "verifikasi_satgas",
              "selesai": "tindak_lanjut_ppk"}
LEVELS = ["moral", "ringan", "sedang", "berat", "ptdh"]
JENIS = {"moral": ("moral_tertutup", 1), "ringan": ("ringan_b", 4), "sedang": ("sedang_a", 6),
         "berat": ("berat_a", 9), "ptdh": ("ptdh", 12)}


def path_to(stage):
    if stage in PATH:
        return PATH[:PATH.index(stage) + 1]
    return PATH[:PATH.index(EXIT_AFTER[stage]) + 1] + [stage]


def wpick(rng, items):
    total = sum(w for _, w in items)
    x = rng.uniform(0, total)
    for v, w in items:
        x -= w
        if x <= 0:
            return v
    return items[-1][0]


def add_tree(db, rng):
    root_id, root_path = db.execute(
        "SELECT id, path FROM instansi WHERE parent_id IS NULL ORDER BY id LIMIT 1").fetchone()
    for p in range(11, 11 + 38):
        kode = "B%02d" % p
        cur = db.execute("SELECT id FROM instansi WHERE kode = ?", (kode,)).fetchone()
        if cur:
            continue
        c = db.execute("INSERT INTO instansi (kode, nama, jenis, parent_id, path) VALUES (?, ?, 3, ?, '')",
                       (kode, "Pemerintah Provinsi Bench %02d" % p, root_id))
        pid = c.lastrowid
        ppath = "%s%d/" % (root_path, pid)
        db.execute("UPDATE instansi SET path = ? WHERE id = ?", (ppath, pid))
        for k in range(1, 14 + (p % 2)):
            c = db.execute("INSERT INTO instansi (kode, nama, jenis, parent_id, path) VALUES (?, ?, 4, ?, '')",
                           ("%s%02d" % (kode, k), "Pemerintah Kabupaten Bench %02d.%02d" % (p, k), pid))
            db.execute("UPDATE instansi SET path = ? WHERE id = ?", ("%s%d/" % (ppath, c.lastrowid), c.lastrowid))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--rows", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--tree", action="store_true")
    ap.add_argument("--now-ms", type=int, default=int(time.time() * 1000))
    a = ap.parse_args()
    rng = random.Random(a.seed)
    db = sqlite3.connect(a.db)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("BEGIN")
    if a.tree:
        add_tree(db, rng)
    # cases attach to provinces and kab/kota (and some to K/L)
    inst = [r[0] for r in db.execute("SELECT id FROM instansi WHERE jenis IN (2, 3, 4) ORDER BY id")]
    weights = [rng.choice((1, 1, 2, 3, 5, 8)) for _ in inst]
    inst_w = list(zip(inst, weights))
    today = (a.now_ms // 1000 + 7 * 3600) // 86400
    counters = {}
    base = db.execute("SELECT count(*) FROM kasus").fetchone()[0]
    rows = []
    steps = []
    sanctions = []
    first_id = (db.execute("SELECT coalesce(max(id), 0) FROM kasus").fetchone()[0]) + 1
    day_ms = 86400000
    for i in range(a.rows):
        created = a.now_ms - rng.randint(0, 730) * day_ms - rng.randint(0, day_ms - 1)
        year = time.gmtime((created + 7 * 3600000) // 1000).tm_year
        counters[year] = counters.get(year, 0) + 1
        stage, _w, dl, terminal = wpick(rng, [((s, w, d, t), w) for s, w, d, t in STAGES])
        age = max(0, (a.now_ms - created) // day_ms)
        in_stage = rng.randint(0, min(age, 60))
        sejak = a.now_ms - in_stage * day_ms - rng.randint(0, day_ms - 1)
        sejak = max(sejak, created)
        tenggat = None
        if dl is not None:
            entered = (sejak + 7 * 3600000) // day_ms
            tenggat = entered + dl
        konteks = "pemilu" if rng.random() < 0.6 else "pilkada"
        instansi = None if rng.random() < 0.03 else wpick(rng, inst_w)
        kode = wpick(rng, CODES)
        kejadian = (created + 7 * 3600000) // day_ms - rng.randint(0, 10)
        diketahui = kejadian + rng.randint(0, 9)
        kron = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 70)))
        n = base + i + 1
        rows.append((
            "NTR-%04d-%06d" % (year, counters[year] + 500000), hashlib.sha256(b"bench%d" % n).hexdigest(),
            created, sejak, konteks, stage, sejak, tenggat, instansi,
            "Terlapor %d" % n, "Jabatan", "Instansi", kode, "Uraian lain" if kode == "lainnya" else "",
            kejadian, "Kecamatan %d" % rng.randint(1, 40), "Wilayah %d" % rng.randint(1, 500),
            rng.choice(("sebelum", "sesudah", "tidak_tahu")), kron, diketahui,
            1 if diketahui - kejadian > 7 else 0))
        # history: the path to the current stage, spread between filing and
        # entering it; a sanction for most closed cases
        kid = first_id + i
        path = path_to(stage)
        at = created
        for j in range(1, len(path)):
            at = at + (sejak - at) * rng.randint(1, 3) // 4 if j < len(path) - 1 else sejak
            steps.append((kid, path[j - 1], path[j], (at + 7 * 3600000) // day_ms, at))
        if stage == "selesai" and rng.random() < 0.7:
            rek = wpick(rng, [("moral", 60), ("sedang", 25), ("berat", 15)])
            x = rng.random()
            lvl = LEVELS.index(rek)
            got = LEVELS[max(0, lvl - 1)] if x < 0.1 else LEVELS[min(4, lvl + 1)] if x < 0.15 else rek
            jenis, urutan = JENIS[got]
            sanctions.append((kid, jenis, got, urutan, rek, "SK/%d/%d" % (kid, year),
                              (sejak + 7 * 3600000) // day_ms, 1 if LEVELS.index(got) < lvl else 0, sejak))
        if len(rows) == 5000:
            flush(db, rows, steps, sanctions)
            rows, steps, sanctions = [], [], []
    flush(db, rows, steps, sanctions)
    db.commit()
    db.execute("ANALYZE")
    db.close()


def flush(db, rows, steps, sanctions):
    db.executemany(
        "INSERT INTO kasus (nomor, receipt_hash, created_ms, updated_ms, konteks, tahap, tahap_sejak_ms,"
        " tenggat_hari, workflow_versi, instansi_id, terlapor_nama, terlapor_jabatan, terlapor_instansi,"
        " pelanggaran_kode, pelanggaran_lain, kejadian_hari, kejadian_tempat, wilayah, penetapan_calon,"
        " kronologi, pelapor_mode, diketahui_hari, terlambat, sumber)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'anonim', ?, ?, 'seed')",
        rows)
    db.executemany(
        "INSERT INTO kasus_langkah (kasus_id, dari, ke, aktor, peran, mulai_hari, workflow_versi, created_ms)"
        " VALUES (?, ?, ?, 'bench', 'bkn', ?, 1, ?)", steps)
    db.executemany(
        "INSERT INTO kasus_sanksi (kasus_id, jenis, tingkat, urutan, rekomendasi, nomor_sk, tanggal_sk,"
        " flags, aktor, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)", sanctions)


if __name__ == "__main__":
    main()
