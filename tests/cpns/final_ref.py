#!/usr/bin/env python3
"""Reference implementation of `wasdal cpns final` for the e2e test, written
from docs/cpns.md with Python's exact Fraction, independent of the C code.

    final_ref.py gen-skb RESULTS.csv FORMATIONS.csv OUTDIR   (writes skb.csv, bobot.csv)
    final_ref.py final FORMATIONS.csv APPLICANTS.csv RESULTS.csv SKB.csv BOBOT.csv > final.csv
Rules 2024 defaults: weights 40/60, caps 50/30/20, default weights 50 0 0,
normalised SKB, codes P/L-1 (same instansi) and P/L-2.
"""
import csv
import random
import sys
from fractions import Fraction

KHUSUS = {"cumlaude", "diaspora", "disabilitas", "papua", "tertinggal"}


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def gen_skb(results, formations, out):
    rnd = random.Random(7)
    forms = read(formations)
    with open(f"{out}/bobot.csv", "w", newline="") as f:
        f.write("formation_id,skb_cat,wawancara,tambahan\n")
        for fm in forms:
            if int(fm["formation_id"]) % 3 == 0:
                f.write(f"{fm['formation_id']},50,30,20\n")
            elif int(fm["formation_id"]) % 3 == 1:
                f.write(f"{fm['formation_id']},40,30,0\n")
    heavy = {fm["formation_id"]: int(fm["formation_id"]) % 3 for fm in forms}
    with open(f"{out}/skb.csv", "w", newline="") as f:
        f.write("applicant_id,skb_cat,skb_cat_max,wawancara,tambahan,ipk\n")
        for r in read(results):
            if r["status"] != "P/L":
                continue
            if rnd.random() < 0.05:
                continue  # absent at SKB
            cmax = rnd.choice((500, 550))
            cat = rnd.randrange(200, cmax + 1, 5) if rnd.random() < 0.9 else 400
            wi = rnd.randrange(60, 101)
            waw = f"{wi}" + (f".{rnd.randrange(0, 100):02d}" if wi < 100 and rnd.random() < 0.5 else "")
            tam = f"{rnd.randrange(50, 101)}"
            ipk = f"{rnd.randrange(250, 401) / 100:.2f}"
            w = heavy[r["formation_id"]]
            f.write(f"{r['applicant_id']},{cat},{cmax},{waw if w in (0, 1) else ''},{tam if w == 0 else ''},{ipk}\n")


def hundredths(s):
    if "." in s:
        a, b = s.split(".")
        return int(a) * 100 + int((b + "0")[:2])
    return int(s) * 100


def fmt(x):
    q = int((x * 1000 + Fraction(1, 2)).__floor__())  # 3 decimals, half up
    return f"{q // 1000}.{q % 1000:03d}"


def final(formations, applicants, results, skb, bobot):
    forms = {r["formation_id"]: r for r in read(formations)}
    order = list(forms)  # file order == index order
    apps = {r["applicant_id"]: r for r in read(applicants)}
    weights = {k: (50, 0, 0) for k in forms}
    for r in read(bobot):
        weights[r["formation_id"]] = (int(r["skb_cat"]), int(r["wawancara"]), int(r["tambahan"]))
    marks = {r["applicant_id"]: r for r in read(skb)}
    entries = []
    for r in read(results):
        if r["status"] != "P/L":
            continue
        a = apps[r["applicant_id"]]
        e = dict(id=int(r["applicant_id"]), form=r["formation_id"], twk=int(a["twk"]), tiu=int(a["tiu"]),
                 tkp=int(a["tkp"]), birth=a["birth_date"], total=int(r["total"]), skb=None, final=None,
                 ipk=0, rank="", status="TH", placed="")
        m = marks.get(r["applicant_id"])
        if m:
            wc, ww, wt = weights[r["formation_id"]]
            W = wc + ww + wt
            s = (wc * Fraction(100 * int(m["skb_cat"]), int(m["skb_cat_max"]))
                 + ww * Fraction(hundredths(m["wawancara"]) if m["wawancara"] else 0, 100)
                 + wt * Fraction(hundredths(m["tambahan"]) if m["tambahan"] else 0, 100)) / W
            e["skb"] = s
            e["final"] = Fraction(40 * e["total"], 550) + Fraction(60, 100) * s
            e["ipk"] = hundredths(m["ipk"]) if m["ipk"] else 0
        entries.append(e)

    def key(e):  # ascending sort = best first
        bd = tuple(int(x) for x in e["birth"].split("-"))
        return (e["final"] is None, -(e["final"] or 0), -e["total"], -e["tkp"], -e["tiu"], -e["twk"],
                -e["ipk"], bd, e["id"])

    left = {k: int(v["quota"]) for k, v in forms.items()}
    byform = {}
    for e in entries:
        byform.setdefault(e["form"], []).append(e)
    for f, es in byform.items():
        es.sort(key=key)
        k = 0
        for e in es:
            if e["final"] is None:
                continue
            k += 1
            e["rank"] = str(k)
            if left[f]:
                left[f] -= 1
                e["status"], e["placed"] = "P/L", f
            else:
                e["status"] = "P"
    cand = sorted((e for e in entries if e["status"] == "P"), key=key)
    # Open places are tried in (jabatan, instansi_id, formation_id) order;
    # jabatan compare by first appearance in formations.csv (any fixed
    # order gives the same placement: only one jabatan is ever searched).
    jorder = {}
    for k in order:
        jorder.setdefault(forms[k]["jabatan"], len(jorder))
    def okey(k):
        return (jorder[forms[k]["jabatan"]], int(forms[k]["instansi_id"]), int(k))
    openu = sorted((k for k in order if left[k] and forms[k]["kind"] not in KHUSUS), key=okey)
    openall = sorted((k for k in order if left[k]), key=okey)
    for e in cand:
        own = forms[e["form"]]
        if own["kind"] not in KHUSUS:
            continue
        for k in openu:
            t = forms[k]
            if t["jabatan"] == own["jabatan"] and t["instansi_id"] == own["instansi_id"] and left[k]:
                left[k] -= 1
                e["status"], e["placed"] = "P/L-1", k
                break
    for e in cand:
        if e["status"] != "P":
            continue
        own = forms[e["form"]]
        pick = None
        for k in openall:
            t = forms[k]
            if t["jabatan"] == own["jabatan"] and t["instansi_id"] == own["instansi_id"] and left[k]:
                pick = k
                break
        if pick is None:
            for k in openall:
                if forms[k]["jabatan"] == own["jabatan"] and left[k]:
                    pick = k
                    break
        if pick is not None:
            left[pick] -= 1
            e["status"], e["placed"] = "P/L-2", pick
    w = sys.stdout
    w.write("applicant_id,formation_id,skd_total,skb,final,rank,status,placed_formation_id\n")
    for e in sorted(entries, key=lambda e: e["id"]):
        w.write(f"{e['id']},{e['form']},{e['total']},{fmt(e['skb']) if e['skb'] is not None else ''},"
                f"{fmt(e['final']) if e['final'] is not None else ''},{e['rank']},{e['status']},{e['placed']}\n")


if __name__ == "__main__":
    if sys.argv[1] == "gen-skb":
        gen_skb(*sys.argv[2:5])
    else:
        final(*sys.argv[2:7])
