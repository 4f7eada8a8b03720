#!/usr/bin/env python3
"""A Modbus TCP server with the public Elmo panel map, for checkup's tests.

pymodbus is an implementation nobody on this project wrote: a second opinion on our client.
Fault bits are set by arguments; every request's (unit, function code) is appended to --log,
so a test can prove that no write reached the device.

    python3 elmo_peer.py --port 0 --log /tmp/fc.log --mains --zone-alarm 5 --zone-bypass 7
    -> prints "READY <port>" once listening
"""
import argparse
import asyncio
import socket
import sys

try:
    import pymodbus
    from pymodbus.constants import ExcCodes  # noqa: F401  (recent 3.x API)
    from pymodbus.pdu.device import ModbusDeviceIdentification
    from pymodbus.server import ModbusTcpServer
    from pymodbus.simulator import DataType, SimData, SimDevice
except ImportError as error:  # pragma: no cover
    print(f"MISSING a pymodbus 3.x with pymodbus.simulator.SimDevice, tested with 3.16.1 ({error}): pip install -U pymodbus", flush=True)
    sys.exit(3)

MAINS, BATTERY, TAMPER, PSTN, CELLULAR = 0x0100, 0x0101, 0x0102, 0x0103, 0x0104
GENERAL_ALARM, GENERAL_TAMPER = 0x0200, 0x0201
ARMED, INPUTS_IN_ALARM, BYPASSED_PRESENT = 0x0402, 0x0404, 0x0406
ZONE_ALARM, ZONE_BYPASS, SECTOR_ARMED, OUTPUTS, ZONE_LOW_BATTERY = 0x1001, 0x2001, 0x3001, 0x5001, 0x8001
ZONES = 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--log", required=True)
    parser.add_argument("--unit", type=int, default=1)
    for fault in ("mains", "battery", "tamper", "comms"):
        parser.add_argument(f"--{fault}", action="store_true")
    parser.add_argument("--zone-alarm", type=int, action="append", default=[])
    parser.add_argument("--zone-bypass", type=int, action="append", default=[])
    parser.add_argument("--zone-fault", type=int, action="append", default=[])
    args = parser.parse_args()

    inputs = [False] * (ZONE_LOW_BATTERY + ZONES)
    inputs[MAINS] = args.mains
    inputs[BATTERY] = args.battery
    inputs[TAMPER] = inputs[GENERAL_TAMPER] = args.tamper
    inputs[PSTN] = args.comms
    inputs[ARMED] = inputs[SECTOR_ARMED] = True
    for zone in args.zone_alarm:
        inputs[ZONE_ALARM + zone - 1] = inputs[GENERAL_ALARM] = inputs[INPUTS_IN_ALARM] = True
    for zone in args.zone_bypass:
        inputs[ZONE_BYPASS + zone - 1] = inputs[BYPASSED_PRESENT] = True
    for zone in args.zone_fault:
        inputs[ZONE_LOW_BATTERY + zone - 1] = True
    coils = [False] * (OUTPUTS + ZONES - SECTOR_ARMED)
    coils[0] = True  # sector 1 armed

    identity = ModbusDeviceIdentification(info_name={
        "VendorName": "Elmo (pymodbus peer)", "ProductCode": "ELMO-PYMODBUS", "MajorMinorRevision": "3.x",
    })
    device = SimDevice(
        id=args.unit,
        simdata=(
            [SimData(SECTOR_ARMED, values=coils, datatype=DataType.BITS)],
            [SimData(0, values=inputs, datatype=DataType.BITS)],
            # pymodbus needs a block per table; Elmo has no registers, so one far away.
            [SimData(0xF000, values=[0], datatype=DataType.REGISTERS)],
            [SimData(0xF000, values=[0], datatype=DataType.REGISTERS)],
        ),
        identity=identity,
    )

    log = open(args.log, "a", buffering=1)

    def trace_pdu(sending, pdu):
        if not sending:
            log.write(f"{pdu.dev_id} {pdu.function_code}\n")
        return pdu

    async def serve():
        # Pick the port ourselves when asked for 0, so we can report it.
        port = args.port
        if port == 0:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
        server = ModbusTcpServer(device, address=("127.0.0.1", port), identity=identity, trace_pdu=trace_pdu)
        await server.serve_forever(background=True)
        print(f"READY {port} pymodbus {pymodbus.__version__}", flush=True)
        await server.serving

    asyncio.run(serve())


if __name__ == "__main__":
    main()
