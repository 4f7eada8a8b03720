#!/usr/bin/env python3
"""A Pelco-D line on a pseudo-terminal whose decoder answers every query in one hostile way.

    python3 hostile_pelco.py MODE   -> prints "READY <pty path>"

Answers the pan/tilt/zoom queries (0x51/0x53/0x55 → 0x59/0x5B/0x5D) of any address, and logs
every frame it receives on stderr as "FRAME <hex>", so a test can compare a trace with the wire.
MODE:
  good       the right reply, pan 123.45°
  garbage    20 bytes with no 0xFF sync in them
  partial    the first 4 bytes of the right reply
  address    a reply from the next address
  checksum   the right reply with its checksum off by one
  oversized  200 bytes of 0xFF 0x00 pairs, then nothing
  panrange   a well-formed reply carrying 65535 (655.35°)
"""
import os
import sys
import termios
import tty

mode = sys.argv[1]
master, slave = os.openpty()
tty.setraw(slave)
print(f"READY {os.ttyname(slave)}", flush=True)
REPLY = {0x51: 0x59, 0x53: 0x5B, 0x55: 0x5D}
VALUE = {0x51: 12345, 0x53: 350, 0x55: 1000}


def reply(address, opcode, word):
    body = [address, 0x00, opcode, word >> 8, word & 0xFF]
    return bytes([0xFF] + body + [sum(body) & 0xFF])


pending = b""
while True:
    pending += os.read(master, 64)
    while len(pending) >= 7:
        start = pending.find(b"\xff")
        if start < 0:
            pending = b""
            break
        frame, pending = pending[start:start + 7], pending[start + 7:]
        if len(frame) < 7:
            pending = frame + pending
            break
        print(f"FRAME {frame.hex()}", file=sys.stderr, flush=True)
        address, opcode = frame[1], frame[3]
        if opcode not in REPLY:
            continue
        good = reply(address, REPLY[opcode], VALUE[opcode])
        if mode == "good":
            out = good
        elif mode == "garbage":
            out = bytes(range(0x10, 0x24))
        elif mode == "partial":
            out = good[:4]
        elif mode == "address":
            out = reply((address % 254) + 1, REPLY[opcode], VALUE[opcode])
        elif mode == "checksum":
            out = good[:-1] + bytes([(good[-1] + 1) & 0xFF])
        elif mode == "oversized":
            out = b"\xff\x00" * 100
        elif mode == "panrange":
            out = reply(address, REPLY[opcode], 65535 if opcode == 0x51 else VALUE[opcode])
        os.write(master, out)
        termios.tcdrain(master)
