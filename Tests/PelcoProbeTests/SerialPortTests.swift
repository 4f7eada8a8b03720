import CheckupCore
import DeviceSimulators
import Foundation
@testable import PelcoProbe
import Testing

@Suite(.serialized)
struct SerialPortTests {
    @Test func missingDeviceIsNoSuchDevice() {
        #expect(throws: SerialPortError.noSuchDevice("/dev/ttyNOPE9")) {
            try SerialPort(path: "/dev/ttyNOPE9", settings: SerialSettings())
        }
    }

    @Test func regularFileIsNotATerminal() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-tty-\(getpid())").path
        _ = FileManager.default.createFile(atPath: path, contents: Data([1, 2, 3]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: SerialPortError.notATerminal(path)) { try SerialPort(path: path, settings: SerialSettings()) }
    }

    @Test func unsupportedBaudIsRefused() {
        #expect(throws: SerialPortError.self) { try SerialPort(path: "/dev/null", settings: SerialSettings(baud: 2401)) }
    }

    @Test func aSecondOpenOfTheSamePortIsBusy() throws {
        let sim = PTZDecoderSimulator(decoders: [SimulatedDecoder(address: 1)])
        let path = try sim.start()
        defer { sim.stop() }
        let first = try SerialPort(path: path, settings: SerialSettings(baud: 9600))
        #expect(throws: SerialPortError.busy(path)) { try SerialPort(path: path, settings: SerialSettings(baud: 9600)) }
        first.close()
        let again = try SerialPort(path: path, settings: SerialSettings(baud: 9600))
        #expect(again.isOpen, "closing releases the lock")
    }

    @Test func readReturnsNothingAtTheDeadlineAndTheReplyWhenOneComes() throws {
        let sim = PTZDecoderSimulator(baud: 9600, decoders: [SimulatedDecoder(address: 1, position: HeadPosition(pan: 1))])
        let path = try sim.start()
        defer { sim.stop() }
        let port = try SerialPort(path: path, settings: SerialSettings(baud: 9600))
        #expect(try port.read(until: .now + .milliseconds(50)).isEmpty)
        try port.write(PelcoDCommand.queryPan.bytes(to: 1))
        try port.drain()
        var received: [UInt8] = []
        let deadline = ContinuousClock.now + .seconds(2)
        while received.count < 7 {
            let bytes = try port.read(until: deadline)
            if bytes.isEmpty { break }
            received += bytes
        }
        #expect(Exchange.hex(received) == Exchange.hex(PelcoDResponse.extended(address: 1, opcode: 0x59, value: 100).bytes(requestChecksum: 0)))
    }

    @Test func aVanishedLineIsAHangUp() throws {
        let sim = PTZDecoderSimulator(decoders: [SimulatedDecoder(address: 1)])
        let path = try sim.start()
        let port = try SerialPort(path: path, settings: SerialSettings())
        sim.stop()
        #expect(throws: SerialPortError.hangUp(path)) { try port.read(until: .now + .milliseconds(200)) }
    }
}

/// Root (the test machines) bypasses file permissions, so the errno mapping is checked directly.
struct SerialPortErrnoTests {
    @Test func openErrorsMapToTypedErrors() {
        #expect(SerialPort.openError("/dev/ttyS9", EACCES) == .permissionDenied("/dev/ttyS9"))
        #expect(SerialPort.openError("/dev/ttyS9", EPERM) == .permissionDenied("/dev/ttyS9"))
        #expect(SerialPort.openError("/dev/ttyS9", EBUSY) == .busy("/dev/ttyS9"))
        #expect(SerialPort.openError("/dev/ttyS9", ENOENT) == .noSuchDevice("/dev/ttyS9"))
        #expect(SerialPortError.permissionDenied("/dev/ttyS9").description.contains("dialout"))
    }
}
