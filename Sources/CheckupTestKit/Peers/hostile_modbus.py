#!/usr/bin/env python3
"""A Modbus TCP server that answers every read in one hostile way.

    python3 hostile_modbus.py MODE [SECONDS_PER_BYTE]   -> prints "READY <port>"

A good reply carries 0x55 bytes for bits and zeros for registers. Every request is logged on
stderr as "REQUEST <hex>" (the ADU as received), so a test can compare a trace with the wire.
MODE:
  good        answers correctly (the reference)
  trickle     the right reply, one byte every SECONDS_PER_BYTE (default 0.2), 40 bytes of
              padding announced in the header so the frame is long
  garbage     the right reply followed by 6 bytes of garbage in the same segment
  oversized   a header announcing 65535 bytes
  truncated   half of the right reply, then the connection stays open and silent
  wrongtid    replies only ever to another transaction id
  wrongunit   replies from unit 99
  noise       12 random-looking bytes instead of a reply
"""
import socket
import struct
import sys
import time

mode = sys.argv[1]
per_byte = float(sys.argv[2]) if len(sys.argv) > 2 else 0.2
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(4)
print(f"READY {server.getsockname()[1]}", flush=True)


def frame(tid, unit, pdu, length=None):
    return struct.pack(">HHHB", tid, 0, len(pdu) + 1 if length is None else length, unit) + pdu


def recv_exact(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


while True:
    conn, _ = server.accept()
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    with conn:
        try:
            while True:
                header = recv_exact(conn, 7)
                if header is None:
                    break
                tid, proto, length, unit = struct.unpack(">HHHB", header)
                pdu = recv_exact(conn, length - 1)
                if pdu is None:
                    break
                print(f"REQUEST {(header + pdu).hex()}", file=sys.stderr, flush=True)
                function = pdu[0]
                if function in (5, 6):
                    conn.sendall(header + pdu)   # a write's reply echoes the request
                    continue
                address, count = struct.unpack(">HH", pdu[1:5])
                nbytes = (count + 7) // 8 if function in (1, 2) else count * 2
                data = bytes([0x55] * nbytes) if function in (1, 2) else bytes(nbytes)
                good = frame(tid, unit, bytes([function, nbytes]) + data)
                if mode == "good":
                    conn.sendall(good)
                elif mode == "trickle":
                    slow = frame(tid, unit, bytes([function, nbytes]) + data + bytes(40))
                    for b in slow:
                        conn.sendall(bytes([b]))
                        time.sleep(per_byte)
                elif mode == "garbage":
                    conn.sendall(good + bytes.fromhex("deadbeef0102"))
                elif mode == "oversized":
                    conn.sendall(frame(tid, unit, bytes([function, nbytes]) + data, length=65535))
                elif mode == "truncated":
                    conn.sendall(good[: len(good) // 2])
                elif mode == "wrongtid":
                    conn.sendall(frame((tid + 77) & 0xFFFF, unit, bytes([function, nbytes]) + data))
                elif mode == "wrongunit":
                    conn.sendall(frame(tid, 99, bytes([function, nbytes]) + data))
                elif mode == "noise":
                    conn.sendall(bytes.fromhex("0badc0ffee0badc0ffee0bad"))
        except (ConnectionResetError, BrokenPipeError):
            pass
