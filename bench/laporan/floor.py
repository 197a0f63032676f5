#!/usr/bin/env python3
"""The durable-storage floor of filing one report (peer of bench/laporan.sh).

Per report, on the same disk and with the same concurrency as the HTTP run:
write the evidence (the same PDF with a unique 16-digit tag) to a temporary
file, fsync it, rename it to its SHA-256, fsync the directory, then commit
one row into a SQLite WAL database with synchronous=FULL -- the disk work
wasdal does for a report, without HTTP, multipart parsing, content
sniffing, Argon2id, sealing or the audit chain. With --argon2 each report
also derives one Argon2id hash of a 16-digit receipt with libsodium's
INTERACTIVE limits (ops 2, 64 MiB), what app/laporan.c does for the
receipt, through ctypes (the GIL is released during the call, so the
threads hash in parallel). Bounded by --duration and --max. Prints
reports/s and latency p50/p99 in the format of laporan.sh.
"""
import ctypes
import ctypes.util
import argparse
import hashlib
import os
import sqlite3
import threading
import time

ap = argparse.ArgumentParser()
ap.add_argument('--dir', required=True)
ap.add_argument('--head', required=True)
ap.add_argument('--tail', required=True)
ap.add_argument('--threads', type=int, default=4)
ap.add_argument('--duration', type=float, default=10)
ap.add_argument('--max', type=int, default=5000)
ap.add_argument('--argon2', action='store_true')
a = ap.parse_args()
sodium = None
if a.argon2:
    sodium = ctypes.CDLL(ctypes.util.find_library('sodium') or 'libsodium.so.23')
    if sodium.sodium_init() < 0:
        raise SystemExit('sodium_init failed')
    sodium.crypto_pwhash.argtypes = [ctypes.c_char_p, ctypes.c_ulonglong, ctypes.c_char_p,
                                     ctypes.c_ulonglong, ctypes.c_char_p, ctypes.c_ulonglong,
                                     ctypes.c_size_t, ctypes.c_int]
    OPS = sodium.crypto_pwhash_opslimit_interactive()
    sodium.crypto_pwhash_memlimit_interactive.restype = ctypes.c_size_t
    MEM = sodium.crypto_pwhash_memlimit_interactive()
    ALG = sodium.crypto_pwhash_alg_argon2id13()
    SALT = os.urandom(sodium.crypto_pwhash_saltbytes())
os.makedirs(a.dir, mode=0o700, exist_ok=True)
head = open(a.head, 'rb').read()
tail = open(a.tail, 'rb').read()
dbpath = os.path.join(a.dir, 'floor.db')
db = sqlite3.connect(dbpath)
db.execute('PRAGMA journal_mode = WAL')
db.execute('CREATE TABLE kasus (id INTEGER PRIMARY KEY, nomor TEXT UNIQUE, sha256 TEXT, created_ms INTEGER)')
db.commit()
db.close()

lat = []
lock = threading.Lock()
count = [0]
stop_at = time.monotonic() + a.duration


def worker(tid):
    con = sqlite3.connect(dbpath, timeout=60, isolation_level=None)
    con.execute('PRAGMA synchronous = FULL')
    dfd = os.open(a.dir, os.O_RDONLY | os.O_DIRECTORY)
    n = 0
    mine = []
    while time.monotonic() < stop_at:
        with lock:
            if count[0] >= a.max:
                break
            count[0] += 1
        n += 1
        t0 = time.perf_counter()
        if sodium:
            h = ctypes.create_string_buffer(32)
            receipt = b'%04d%012d' % (tid, n)
            if sodium.crypto_pwhash(h, 32, receipt, 16, SALT, OPS, MEM, ALG):
                raise SystemExit('crypto_pwhash failed')
        data = head + b'%04d%012d' % (tid, n) + tail
        sha = hashlib.sha256(data).hexdigest()
        tmp = os.path.join(a.dir, '.tmp-%d-%d' % (tid, n))
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.write(fd, data)
        os.fsync(fd)
        os.close(fd)
        os.rename(tmp, os.path.join(a.dir, sha))
        os.fsync(dfd)
        con.execute('BEGIN IMMEDIATE')
        con.execute('INSERT INTO kasus (nomor, sha256, created_ms) VALUES (?, ?, ?)',
                    ('F-%04d-%012d' % (tid, n), sha, int(time.time() * 1000)))
        con.execute('COMMIT')
        mine.append(time.perf_counter() - t0)
    os.close(dfd)
    con.close()
    with lock:
        lat.extend(mine)


t0 = time.monotonic()
ts = [threading.Thread(target=worker, args=(i + 1,)) for i in range(a.threads)]
for t in ts:
    t.start()
for t in ts:
    t.join()
wall = time.monotonic() - t0
lat.sort()


def pct(p):
    return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else 0.0


rows = sqlite3.connect(dbpath).execute('SELECT count(*) FROM kasus').fetchone()[0]
print('%-36s %8.2f req/s  p50 %7.1f ms  p99 %7.1f ms  %s reports (%s rows)' %
      ('floor + Argon2id' if sodium else 'floor: file+fsync+dir fsync+commit', len(lat) / wall, pct(0.50), pct(0.99), len(lat), rows))
