#!/usr/bin/env python3
"""A Modbus TCP server that answers every read in one odd way, to test the client's checks.

    python3 odd_peer.py MODE   -> prints "READY <port>"
MODE: stale      a reply to the previous transaction first, then the right one (bits 1,0,1…)
      short      the right header, a byte count one short
      protocol   protocol id 1 instead of 0
      function   a reply to function 0x03 whatever was asked
      close      closes the connection without answering
"""
import socket
import struct
import sys

mode = sys.argv[1]
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(4)
print(f"READY {server.getsockname()[1]}", flush=True)


def frame(tid, proto, unit, pdu):
    return struct.pack(">HHHB", tid, proto, len(pdu) + 1, unit) + pdu


while True:
    conn, _ = server.accept()
    with conn:
        while True:
            header = conn.recv(7)
            if len(header) < 7:
                break
            tid, proto, length, unit = struct.unpack(">HHHB", header)
            pdu = conn.recv(length - 1)
            function, address, count = struct.unpack(">BHH", pdu[:5])
            nbytes = (count + 7) // 8 if function in (1, 2) else count * 2
            data = bytes([0x55] * nbytes) if function in (1, 2) else bytes(nbytes)
            good = bytes([function, nbytes]) + data
            if mode == "stale":
                conn.sendall(frame((tid - 1) & 0xFFFF, 0, unit, good) + frame(tid, 0, unit, good))
            elif mode == "short":
                conn.sendall(frame(tid, 0, unit, bytes([function, nbytes - 1]) + data[:-1]))
            elif mode == "protocol":
                conn.sendall(frame(tid, 1, unit, good))
            elif mode == "function":
                conn.sendall(frame(tid, 0, unit, bytes([3, 2, 0, 1])))
            elif mode == "close":
                break
