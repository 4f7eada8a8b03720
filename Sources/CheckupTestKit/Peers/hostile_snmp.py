#!/usr/bin/env python3
"""An SNMP v1/v2c responder that answers every request in one bad way (a hostile agent).

    python3 hostile_snmp.py MODE [ipv6]   -> prints "READY <port>" (listening on 127.0.0.1, or ::1)

It answers any community. Each requested OID X.N.0 gets INTEGER N (so a swap shows) unless the mode
says otherwise; a GETNEXT/GETBULK under 1.3.6.1.4.1.99999.7 walks an endless table.
MODE:
  good        every varbind as asked (the reference)
  reorder     the varbinds in reverse order
  missing     the last requested varbind left out
  unexpected  the last varbind under another OID (1.3.6.1.4.1.99999.66.0)
  extra       every varbind, plus one nobody asked for
  notber      12 bytes of garbage
  wrongid     a well-formed reply with another request id
  wrongtype   an IpAddress value 9 bytes long (net-snmp drops the reply)
  trailing    a good reply followed by 3 bytes of garbage
  errorstatus a reply with error status genErr (5) at varbind 1
  silent      nothing at all
  counter64   Counter64 2^64-1 for every OID
  bigint      an INTEGER 2^32 + 5 (5 bytes, outside Integer32; net-snmp 5.9 keeps the low 32 bits)
  late        the right reply, but 0.45 s late (a slow agent: later than one 0.3 s timeout)
  table       a well-formed endless table: column 2 of ...99999.7.1, rows 1, 2, 3...
"""
import socket
import sys

mode = sys.argv[1]
TABLE = (1, 3, 6, 1, 4, 1, 99999, 7)


def tlv(tag, value):
    n = len(value)
    if n < 0x80:
        return bytes([tag, n]) + value
    size = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(size)]) + size + value


def integer(v, tag=0x02):
    if v == 0:
        return tlv(tag, b"\x00")
    size = (v.bit_length() + 8) // 8
    return tlv(tag, v.to_bytes(size, "big", signed=True))


def unsigned(v, tag):
    raw = v.to_bytes((v.bit_length() + 7) // 8 or 1, "big")
    if raw[0] & 0x80:
        raw = b"\x00" + raw
    return tlv(tag, raw)


def oid(arcs):
    body = bytearray([arcs[0] * 40 + arcs[1]])
    for arc in arcs[2:]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.insert(0, (arc & 0x7F) | 0x80)
            arc >>= 7
        body += bytes(chunk)
    return tlv(0x06, bytes(body))


def read_tlv(data, i):
    tag = data[i]
    n = data[i + 1]
    i += 2
    if n & 0x80:
        count = n & 0x7F
        n = int.from_bytes(data[i:i + count], "big")
        i += count
    return tag, data[i:i + n], i + n


def parse_oid(body):
    arcs = [body[0] // 40, body[0] % 40]
    value = 0
    for b in body[1:]:
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            arcs.append(value)
            value = 0
    return tuple(arcs)


def parse_request(data):
    _, message, _ = read_tlv(data, 0)
    _, version, i = read_tlv(message, 0)
    _, community, i = read_tlv(message, i)
    pdu_tag, pdu, _ = read_tlv(message, i)
    _, request_id, j = read_tlv(pdu, 0)
    _, second, j = read_tlv(pdu, j)
    _, third, j = read_tlv(pdu, j)
    _, binds, _ = read_tlv(pdu, j)
    oids = []
    k = 0
    while k < len(binds):
        _, bind, k = read_tlv(binds, k)
        _, name, _ = read_tlv(bind, 0)
        oids.append(parse_oid(name))
    return (int.from_bytes(version, "big"), community, pdu_tag, int.from_bytes(request_id, "big", signed=True),
            int.from_bytes(third, "big"), oids)


def table_successors(start, count):
    """The next `count` cells of the endless table after `start` (column 2 only)."""
    column = TABLE + (1, 2)
    if start[:len(column)] == column and len(start) > len(column):
        row = start[len(column)]
    else:
        row = 0
    return [(column + (row + n,), integer(row + n)) for n in range(1, count + 1)]


def response(version, community, request_id, binds, status=0, index=0):
    varbinds = b"".join(tlv(0x30, oid(o) + v) for o, v in binds)
    pdu = tlv(0xA2, integer(request_id) + integer(status) + integer(index) + tlv(0x30, varbinds))
    return tlv(0x30, integer(version) + tlv(0x04, community) + pdu)


def answer(data):
    version, community, pdu_tag, request_id, repetitions, oids = parse_request(data)
    if mode == "table" or (pdu_tag in (0xA1, 0xA5) and oids and oids[0][:len(TABLE)] == TABLE):
        count = max(1, repetitions) if pdu_tag == 0xA5 else 1
        binds = []
        for o in oids:
            binds += table_successors(o, count)
        return response(version, community, request_id, binds)
    value = None
    if mode == "counter64":
        value = unsigned(2**64 - 1, 0x46)
    elif mode == "bigint":
        value = integer(2**32 + 5)
    elif mode == "wrongtype":
        value = tlv(0x40, bytes(9))
    binds = [(o, value if value is not None else integer(o[-2] if len(o) > 1 else 0)) for o in oids]
    if mode == "reorder":
        binds.reverse()
    elif mode == "missing":
        binds = binds[:-1]
    elif mode == "unexpected":
        binds[-1] = ((1, 3, 6, 1, 4, 1, 99999, 66, 0), binds[-1][1])
    elif mode == "extra":
        binds.append(((1, 3, 6, 1, 4, 1, 99999, 67, 0), integer(7)))
    elif mode == "notber":
        return bytes(range(0xF0, 0xFC))
    elif mode == "wrongid":
        request_id ^= 0x5A5A
    elif mode == "errorstatus":
        return response(version, community, request_id, binds, status=5, index=1)
    reply = response(version, community, request_id, binds)
    return reply + b"\xde\xad\xbe" if mode == "trailing" else reply


ipv6 = len(sys.argv) > 2 and sys.argv[2] == "ipv6"
server = socket.socket(socket.AF_INET6 if ipv6 else socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("::1" if ipv6 else "127.0.0.1", 0))
print(f"READY {server.getsockname()[1]}", flush=True)
while True:
    data, peer = server.recvfrom(65536)
    if mode == "silent":
        continue
    if mode == "late":
        import threading
        threading.Timer(0.45, lambda d=data, p=peer: server.sendto(answer(d), p)).start()
        continue
    try:
        server.sendto(answer(data), peer)
    except (IndexError, ValueError) as error:
        print(f"unparsable request {data.hex()}: {error}", file=sys.stderr, flush=True)
