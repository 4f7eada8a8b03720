import CModbus
import Foundation
import ModbusProbe
#if canImport(Glibc)
import Glibc
#endif

/// A simulated intrusion-alarm panel (or a bus of them) speaking Modbus TCP or RTU, serving the
/// Elmo map or checkup's generic gateway map, with faults to find. For tests and `checkup demo`.
///
/// ```swift
/// let panel = AlarmHostSimulator(map: .elmo, faults: AlarmHostFaults(mains: true, zoneAlarms: [5]))
/// let port = try panel.start(tcpPort: 0)            // modbus-tcp://127.0.0.1:PORT?unit=1
/// defer { panel.stop() }
/// ```
/// RTU: `let path = try bus.startRTU()` gives a pseudo-terminal path (`modbus-rtu://PATH?unit=N`);
/// several units share that one link, and a unit with `silent` never answers.
///
/// Requests are framed here and answered with libmodbus' `modbus_reply` on the simulator's own
/// thread; device identification (0x2B/0x0E), which libmodbus 3.1 does not serve, is answered here.
package final class AlarmHostSimulator: @unchecked Sendable {
    private let lock = NSLock()
    private var units: [Int: SimulatedUnit] = [:]
    private var unitSettings: [Int: (map: AlarmHostMap, faults: AlarmHostFaults)]
    private var images: [Int: ModbusRegisterImage] = [:]
    private var log: [(unit: Int, function: UInt8)] = []
    private var thread: Thread?
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)
    private var cleanup: [() -> Void] = []

    /// One panel answering as `unit`.
    package convenience init(map: AlarmHostMap = .elmo, faults: AlarmHostFaults = .none, unit: Int = 1) {
        self.init(units: [unit: (map, faults)])
    }

    /// Several units, e.g. two panels and a dead one on one RS-485 link.
    package init(units: [Int: (map: AlarmHostMap, faults: AlarmHostFaults)]) {
        self.unitSettings = units
    }

    /// One unit answering from a recorded image (a capture, a fixture): exactly the items
    /// recorded, exception 02 for any other.
    package init(image: ModbusRegisterImage, unit: Int = 1) {
        unitSettings = [unit: (.generic, .none)]
        images = [unit: image]
    }

    deinit { stop() }

    /// Function codes received so far, per unit, in order (a test proves no write arrived).
    package var receivedRequests: [(unit: Int, function: UInt8)] {
        lock.lock(); defer { lock.unlock() }
        return log
    }

    /// Changes a unit's faults while running.
    package func setFaults(_ faults: AlarmHostFaults, unit: Int = 1) {
        lock.lock(); defer { lock.unlock() }
        unitSettings[unit]?.faults = faults
        units[unit]?.apply(faults)
    }

    // MARK: Start and stop

    /// Serves Modbus TCP on `host`; port 0 picks a free port. Returns the port.
    @discardableResult
    package func start(tcpPort: Int = 0, host: String = "127.0.0.1") throws(SimulatorError) -> Int {
        try prepare()
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw SimulatorError("socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(tcpPort).bigEndian)
        guard inet_pton(AF_INET, host, &addr.sin_addr) == 1 else {
            Glibc.close(listener)
            throw SimulatorError("'\(host)' is not an IPv4 address")
        }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 8) == 0 else {
            let why = String(cString: strerror(errno))
            Glibc.close(listener)
            throw SimulatorError("cannot listen on \(host):\(tcpPort): \(why)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: actual.sin_port))
        guard let context = modbus_new_tcp(host, Int32(port)) else {
            Glibc.close(listener)
            throw SimulatorError("modbus_new_tcp failed")
        }
        cleanup = [{ Glibc.close(listener) }, { modbus_free(context) }]
        let server = TCPServing(simulator: self, listener: listener, context: context)
        launch(name: "alarm-host-sim.tcp.\(port)") { server.run() }
        return port
    }

    /// Serves Modbus RTU on a new pseudo-terminal; returns the path a client opens. With `link`,
    /// also makes a symlink there (removed on stop), for a stable name like /tmp/ttyPANEL.
    @discardableResult
    package func startRTU(link: String? = nil, baud: Int = 9600) throws(SimulatorError) -> String {
        try prepare()
        let pty = try PseudoTerminal()
        guard let context = modbus_new_rtu(pty.slavePath, Int32(baud), CChar(UInt8(ascii: "N")), 8, 1) else {
            pty.close()
            throw SimulatorError("modbus_new_rtu failed")
        }
        cleanup = [{ pty.close() }, { modbus_free(context) }]
        if let link {
            unlink(link)
            guard symlink(pty.slavePath, link) == 0 else {
                let why = String(cString: strerror(errno))
                cleanup.forEach { $0() }
                cleanup = []
                throw SimulatorError("cannot link \(link) → \(pty.slavePath): \(why)")
            }
            cleanup.append { unlink(link) }
        }
        let server = RTUServing(simulator: self, fd: pty.master, context: context)
        launch(name: "alarm-host-sim.rtu") { server.run() }
        return pty.slavePath
    }

    /// Stops serving and waits for the thread to finish; closes every descriptor. Idempotent.
    package func stop() {
        lock.lock()
        let running = thread != nil
        stopping = true
        lock.unlock()
        guard running else { return }
        finished.wait()
        lock.lock()
        thread = nil
        let tasks = cleanup
        cleanup = []
        units = [:]
        lock.unlock()
        tasks.forEach { $0() }
    }

    private func prepare() throws(SimulatorError) {
        lock.lock(); defer { lock.unlock() }
        guard thread == nil else { throw SimulatorError("the simulator is already running") }
        var made: [Int: SimulatedUnit] = [:]
        for (unit, settings) in unitSettings {
            guard (0...247).contains(unit) else { throw SimulatorError("unit id \(unit) is outside 0…247") }
            if let image = images[unit] {
                made[unit] = try SimulatedUnit(image: image)
            } else {
                made[unit] = try SimulatedUnit(map: settings.map, faults: settings.faults)
            }
        }
        units = made
        stopping = false
    }

    private func launch(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [finished] in
            body()
            finished.signal()
        }
        thread.name = name
        lock.lock()
        self.thread = thread
        lock.unlock()
        thread.start()
    }

    var shouldStop: Bool {
        lock.lock(); defer { lock.unlock() }
        return stopping
    }

    // MARK: Answering one request

    /// What to send back for one request ADU; nil for silence.
    /// `unitOffset` is where the unit id sits: 6 for TCP (after the MBAP), 0 for RTU.
    func answer(_ adu: [UInt8], unitOffset: Int, context: OpaquePointer, fd: Int32, tcp: Bool) {
        guard adu.count > unitOffset + 1 else { return }
        let unitID = Int(adu[unitOffset])
        let function = adu[unitOffset + 1]
        lock.lock(); defer { lock.unlock() }
        log.append((unitID, function))
        guard let unit = units[unitID], !unit.faults.silent else { return }
        var request = adu
        let replyUnit = unit.faults.replyAsUnit ?? unitID
        request[unitOffset] = UInt8(truncatingIfNeeded: replyUnit)
        modbus_set_slave(context, Int32(replyUnit))
        modbus_set_socket(context, fd)
        if let code = unit.faults.exception {
            _ = request.withUnsafeBufferPointer { modbus_reply_exception(context, $0.baseAddress, UInt32(code)) }
            return
        }
        if let image = unit.image, (0x01...0x04).contains(function), adu.count >= unitOffset + 6,
           let table = ModbusTable.allCases.first(where: { $0.readFunction.rawValue == function }) {
            let start = Int(adu[unitOffset + 2]) << 8 | Int(adu[unitOffset + 3])
            let count = Int(adu[unitOffset + 4]) << 8 | Int(adu[unitOffset + 5])
            switch image.answer(table, start: start, count: count) {
            case .serve: break
            case .silence: return
            case .exception(let code):
                _ = request.withUnsafeBufferPointer { modbus_reply_exception(context, $0.baseAddress, UInt32(code)) }
                return
            }
        }
        if function == 0x2B {
            let pdu = adu.count > unitOffset + 4 && adu[unitOffset + 2] == 0x0E
                ? unit.identificationPDU(code: adu[unitOffset + 3], object: adu[unitOffset + 4]) : nil
            if let pdu {
                send(pdu, unit: UInt8(truncatingIfNeeded: replyUnit), request: adu, fd: fd, tcp: tcp)
            } else {
                _ = request.withUnsafeBufferPointer { modbus_reply_exception(context, $0.baseAddress, UInt32(MODBUS_EXCEPTION_ILLEGAL_DATA_VALUE)) }
            }
            return
        }
        _ = request.withUnsafeBufferPointer { modbus_reply(context, $0.baseAddress, Int32($0.count), unit.mapping) }
        if function == 0x05 || function == 0x0F { unit.mirrorCommands() }
    }

    private func send(_ pdu: [UInt8], unit: UInt8, request: [UInt8], fd: Int32, tcp: Bool) {
        let frame: [UInt8]
        if tcp {
            let length = pdu.count + 1
            frame = [request[0], request[1], 0, 0, UInt8(length >> 8), UInt8(length & 0xFF), unit] + pdu
        } else {
            frame = ModbusCRC.framed([unit] + pdu)
        }
        var offset = 0
        while offset < frame.count {
            let n = frame[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            offset += n
        }
    }
}
