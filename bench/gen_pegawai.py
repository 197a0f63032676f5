#!/usr/bin/env python3
"""Deterministic synthetic ASN registry CSV for benchmarks and load tests.

    gen_pegawai.py --rows 500000 --instansi KODE[,KODE...] [--seed 1] > pegawai.csv

Columns are those of `wasdal import pegawai` (docs/registry.md). Every NIP is
valid (real birth date, TMT CPNS at 19..40 years of age, gender digit 1/2,
nomor urut from 001) and unique; about 8 % are PPPK with an NI PPPK.
Python 3 standard library only; same arguments => byte-identical output.
"""
import argparse
import datetime
import random
import sys

GOL_PNS = ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d",
           "IV/a", "IV/b", "IV/c"]
GOL_PPPK = ["V", "VII", "IX", "X", "XI"]
JABATAN = [
    ("fungsional", "ahli_pertama", "Analis Kebijakan Ahli Pertama"),
    ("fungsional", "ahli_muda", "Pranata Komputer Ahli Muda"),
    ("fungsional", "ahli_madya", "Auditor Ahli Madya"),
    ("fungsional", "terampil", "Perawat Terampil"),
    ("fungsional", "mahir", "Arsiparis Mahir"),
    ("pelaksana", "", "Pengadministrasi Perkantoran"),
    ("pelaksana", "", "Operator Layanan Operasional"),
    ("pengawas", "", "Kepala Subbagian Umum"),
    ("administrator", "", "Kepala Bagian Keuangan"),
]
FIRST = ["Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gilang", "Hendra",
         "Indah", "Joko", "Kartika", "Lestari", "Made", "Nur", "Putu", "Rina",
         "Sari", "Teguh", "Utami", "Wahyu", "Yuni", "Zainal"]
LAST = ["Santoso", "Wijaya", "Saputra", "Lestari", "Hidayat", "Pratama",
        "Siregar", "Nasution", "Wibowo", "Kusuma", "Rahmawati", "Setiawan",
        "Hasibuan", "Simanjuntak", "Manurung", "Purnomo"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--instansi", required=True, help="comma-separated instansi codes")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    codes = a.instansi.split(",")
    out = sys.stdout
    out.write("nip,nama,jenis_asn,golongan,jenis_jabatan,jenjang,jabatan,"
              "instansi_kode,unit_kode,unit_nama,status\n")
    used = set()
    base = datetime.date(1965, 1, 1)
    for i in range(a.rows):
        while True:
            birth = base + datetime.timedelta(days=rnd.randrange(0, 365 * 36))
            gender = rnd.choice("12")
            pppk = rnd.random() < 0.08
            if pppk:
                year = rnd.randrange(max(2019, birth.year + 19), 2026)
                mid = "%04d21" % year
            else:
                year = min(2025, birth.year + rnd.randrange(19, 41))
                mid = "%04d%02d" % (year, rnd.randrange(1, 13))
            prefix = birth.strftime("%Y%m%d") + mid + gender
            seq = rnd.randrange(1, 1000)
            nip = "%s%03d" % (prefix, seq)
            if nip not in used:
                used.add(nip)
                break
        jj, jenjang, jab = JABATAN[rnd.randrange(len(JABATAN))]
        gol = rnd.choice(GOL_PPPK if pppk else GOL_PNS)
        kode = codes[i % len(codes)]
        unit = "U%02d" % (rnd.randrange(1, 6))
        name = "%s %s" % (rnd.choice(FIRST), rnd.choice(LAST))
        out.write("%s,%s,%s,%s,%s,%s,%s,%s,%s,Unit %s,aktif\n" % (
            nip, name, "PPPK" if pppk else "PNS", gol, jj, jenjang, jab,
            kode, unit, unit))


if __name__ == "__main__":
    main()
