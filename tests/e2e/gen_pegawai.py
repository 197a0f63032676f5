#!/usr/bin/env python3
"""Writes N valid pegawai CSV rows (import layout) for instansi KODE / unit
UNIT: deterministic, unique NIPs. Usage: gen_pegawai.py N KODE UNIT > file.csv"""
import datetime
import sys

n, kode, unit = int(sys.argv[1]), sys.argv[2], sys.argv[3]
out = sys.stdout
out.write("nip,nama,jenis_asn,golongan,jenis_jabatan,jenjang,jabatan,instansi_kode,unit_kode,status\n")
base = datetime.date(1950, 1, 1)
for i in range(n):
    b = base + datetime.timedelta(days=i % 10000)
    tmt = 1995 + (i // 10000) % 25
    seq = i // 250000 + 1
    nip = "%04d%02d%02d%04d%02d%d%03d" % (b.year, b.month, b.day, tmt, 1 + i % 12, 1 + i % 2, seq)
    out.write("%s,Pegawai Uji %d,PNS,III/a,pelaksana,,Pengadministrasi Umum,%s,%s,aktif\n"
              % (nip, i, kode, unit))
