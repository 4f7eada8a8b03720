package import ArgumentParser
import DeviceSimulators
import Foundation

/// `checkup simulate ptz-decoder`: Pelco decoders on a pseudo-terminal, until SIGINT or SIGTERM.
///
/// ```
/// checkup simulate ptz-decoder --link /tmp/ptz0 --protocol d --address 5 --address 6 --silent 6
/// checkup probe "pelco-d:///tmp/ptz0?baud=2400&address=5" --profile pelco-d-generic
/// ```
package struct SimulatePTZDecoder: Sendable, AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "ptz-decoder",
        abstract: "Simulate Pelco-D/P PTZ decoders on a pseudo-terminal (moving heads, presets, wire-time emulation).")

    @Option(help: "Symbolic link to create to the pty slave, e.g. /tmp/ptz0 (replaced if it is a link).")
    package var link: String?

    @Option(name: .customLong("protocol"), help: "d (Pelco-D, answers queries) or p (Pelco-P, never answers).")
    package var dialect: String = "d"

    @Option(name: .customLong("address"), help: "Address of a decoder on the link; repeat for several.")
    package var addresses: [Int] = [1]

    @Option(help: "Line speed emulated on the wire (1200–115200).")
    package var baud: Int = 2400

    @Option(help: "Address of a decoder that never answers (dead); repeatable.")
    package var silent: [Int] = []

    @Option(name: .customLong("bad-checksum"), help: "Address of a decoder whose replies carry a wrong checksum; repeatable.")
    package var badChecksum: [Int] = []

    @Option(help: "Decoder think time before replying, in milliseconds.")
    package var turnaround: Int = 0

    @Option(help: "Head positioning speed, degrees per second.")
    package var speed: Double = 60

    package init() {}

    package func validate() throws {
        guard let d = PTZDecoderSimulator.Dialect(rawValue: dialect.lowercased()) else {
            throw ValidationError("--protocol must be d or p, found '\(dialect)'")
        }
        let range = d == .d ? 1...255 : 0...255
        for a in addresses + silent + badChecksum where !range.contains(a) {
            throw ValidationError("address \(a) is outside \(range.lowerBound)–\(range.upperBound)")
        }
        for a in silent + badChecksum where !addresses.contains(a) {
            throw ValidationError("address \(a) is not one of the --address values \(addresses)")
        }
        guard [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200].contains(baud) else {
            throw ValidationError("--baud must be one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200")
        }
        guard (0...1000).contains(turnaround) else { throw ValidationError("--turnaround must be 0–1000 ms") }
    }

    package func run() async throws {
        let d = PTZDecoderSimulator.Dialect(rawValue: dialect.lowercased()) ?? .d
        let decoders = addresses.map { a in
            SimulatedDecoder(address: UInt8(a), silent: silent.contains(a), badChecksum: badChecksum.contains(a),
                             maxSpeed: speed)
        }
        let simulator = PTZDecoderSimulator(protocol: d, baud: baud, decoders: decoders,
                                            turnaround: .milliseconds(turnaround))
        let slave = try simulator.start(link: link)
        let scheme = d == .d ? "pelco-d" : "pelco-p"
        let path = link ?? slave
        print("PTZ decoder simulator: Pelco-\(d.rawValue.uppercased()) at \(baud) baud on \(slave)\(link.map { " (linked at \($0))" } ?? "")")
        for decoder in decoders {
            let notes = [decoder.silent ? "silent" : nil, decoder.badChecksum ? "bad checksum" : nil].compactMap { $0 }
            print("  \(scheme)://\(path)?baud=\(baud)&address=\(decoder.address)\(notes.isEmpty ? "" : "  [\(notes.joined(separator: ", "))]")")
        }
        print("Ctrl-C to stop.")
        fflush(nil)
        await InterruptSignal.waitForTermination()
        simulator.stop()
        print("stopped")
    }
}
