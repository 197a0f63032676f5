#!/usr/bin/env python3
"""Writes a minimal 1x1 baseline JPEG whose APP1 (Exif) segment carries a
marker string, for the tests that check evidence images are stripped of
their metadata before storage: the marker must never be found in a stored
file.  Usage: exif_jpeg.py OUT.jpg MARKER"""
import struct
import sys

out, marker = sys.argv[1], sys.argv[2].encode()
exif = b'Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08' + marker
app1 = b'\xff\xe1' + struct.pack('>H', len(exif) + 2) + exif
jpg = (b'\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00' + app1 +
       b'\xff\xdb\x00\x43\x00' + bytes([1] * 64) +
       b'\xff\xc0\x00\x0b\x08\x00\x01\x00\x01\x01\x01\x11\x00' +
       b'\xff\xc4\x00\x14\x00\x01' + b'\x00' * 16 +
       b'\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00\xd2\xcf\x20\xff\xd9')
with open(out, 'wb') as f:
    f.write(jpg)
