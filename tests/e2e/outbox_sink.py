#!/usr/bin/env python3
"""Local peers for tests/e2e/t_outbox.sh, Python 3 standard library only.

  outbox_sink.py smtp --port P --out DIR
      A minimal SMTP server (socketserver; asyncore/smtpd are gone in 3.12):
      each message is written to DIR/mail-N.eml with the envelope in
      DIR/mail-N.env.
  outbox_sink.py webhook --port P --secret S --out DIR [--fail-first N] [--delay S]
      Receives webhook POSTs, verifies X-Wasdal-Signature the way a receiver
      should (docs/operations.md): HMAC-SHA256(secret, "<ts>.<body>"), in
      constant time, timestamp within 300 s. Appends one JSON line per
      request to DIR/hooks.log ({"delivery","event","valid","status"}).
      Answers 503 to the first N requests, sleeps S seconds before answering.
Writes "ready" to DIR/<mode>.ready once listening.
"""
import argparse
import hashlib
import hmac
import http.server
import json
import os
import socketserver
import threading
import time

REPLAY_WINDOW_S = 300


def verify(secret, headers, body, now=None):
    """True when the request is signed by secret and fresh."""
    sig = headers.get("X-Wasdal-Signature", "")
    ts = headers.get("X-Wasdal-Timestamp", "")
    if not sig.startswith("sha256=") or not ts.isdigit():
        return False
    if abs((now or time.time()) - int(ts)) > REPLAY_WINDOW_S:
        return False  # too old or from the future: a replay
    want = hmac.new(secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(sig[7:], want)


class SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.reply("220 sink.test ESMTP")
        mail_from, rcpt = None, []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode("utf-8", "replace").strip()
            up = cmd.upper()
            if up.startswith("EHLO"):
                self.wfile.write(b"250-sink.test\r\n250-8BITMIME\r\n250 SIZE 10485760\r\n")
                self.wfile.flush()
            elif up.startswith("HELO"):
                self.reply("250 sink.test")
            elif up.startswith("MAIL FROM:"):
                mail_from, rcpt = cmd[10:].strip(), []
                self.reply("250 OK")
            elif up.startswith("RCPT TO:"):
                addr = cmd[8:].strip()
                if "tidak-ada" in addr:
                    self.reply("550 5.1.1 no such mailbox")
                else:
                    rcpt.append(addr)
                    self.reply("250 OK")
            elif up == "DATA":
                self.reply("354 end with .")
                data = []
                while True:
                    l = self.rfile.readline()
                    if not l or l == b".\r\n":
                        break
                    data.append(l[1:] if l.startswith(b"..") else l)
                self.server.save(mail_from, rcpt, b"".join(data))
                self.reply("250 OK queued")
            elif up == "RSET":
                mail_from, rcpt = None, []
                self.reply("250 OK")
            elif up == "NOOP":
                self.reply("250 OK")
            elif up == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


class SMTPServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, addr, out):
        super().__init__(addr, SMTPHandler)
        self.out, self.n, self.lock = out, 0, threading.Lock()

    def save(self, mail_from, rcpt, data):
        with self.lock:
            self.n += 1
            base = os.path.join(self.out, "mail-%d" % self.n)
        with open(base + ".eml.tmp", "wb") as f:
            f.write(data)
        with open(base + ".env", "w") as f:
            f.write("%s\n%s\n" % (mail_from, ",".join(rcpt)))
        os.rename(base + ".eml.tmp", base + ".eml")


class HookHandler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        srv = self.server
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with srv.lock:
            srv.n += 1
            n = srv.n
        valid = verify(srv.secret, self.headers, body)
        status = 503 if n <= srv.fail_first else (200 if valid else 401)
        rec = {"n": n, "delivery": self.headers.get("X-Wasdal-Delivery"),
               "event": self.headers.get("X-Wasdal-Event"), "valid": valid, "status": status}
        try:
            rec["body"] = json.loads(body)
        except ValueError:
            rec["body"] = None
        with srv.lock, open(os.path.join(srv.out, "hooks.log"), "a") as f:
            f.write(json.dumps(rec) + "\n")
        if srv.delay:  # logged on arrival: the sender may die while we wait
            time.sleep(srv.delay)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["smtp", "webhook"])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--secret", default="")
    ap.add_argument("--fail-first", type=int, default=0)
    ap.add_argument("--delay", type=float, default=0)
    a = ap.parse_args()
    if a.mode == "smtp":
        srv = SMTPServer(("127.0.0.1", a.port), a.out)
    else:
        srv = http.server.ThreadingHTTPServer(("127.0.0.1", a.port), HookHandler)
        srv.secret, srv.out, srv.n, srv.lock = a.secret, a.out, 0, threading.Lock()
        srv.fail_first, srv.delay = a.fail_first, a.delay
    with open(os.path.join(a.out, a.mode + ".ready"), "w") as f:
        f.write("ready\n")
    srv.serve_forever()


if __name__ == "__main__":
    main()
