import CheckupCore
import Foundation

/// What is wrong with a simulated panel: the faults a technician must find on the monthly check,
/// plus misbehaviours of the unit itself for tests (silent, wrong unit id, exception replies).
package struct AlarmHostFaults: Sendable, Hashable {
    /// Mains (AC) power lost.
    package var mains = false
    /// Battery fault / low battery.
    package var battery = false
    /// Panel tamper (cabinet open).
    package var tamper = false
    /// Alarm transmission path down (PSTN line fault).
    package var comms = false
    /// Zones in alarm (1-based zone numbers).
    package var zoneAlarms: Set<Int> = []
    /// Zones in fault (detector trouble; on the Elmo map: the zone's low-battery bit).
    package var zoneFaults: Set<Int> = []
    /// Zones bypassed (excluded).
    package var zoneBypasses: Set<Int> = []
    /// The unit never answers (a dead panel on the bus).
    package var silent = false
    /// The unit answers, but with this unit id in its replies.
    package var replyAsUnit: Int?
    /// The unit answers every request with this exception.
    package var exception: UInt8?

    package init(mains: Bool = false, battery: Bool = false, tamper: Bool = false, comms: Bool = false,
                zoneAlarms: Set<Int> = [], zoneFaults: Set<Int> = [], zoneBypasses: Set<Int> = [],
                silent: Bool = false, replyAsUnit: Int? = nil, exception: UInt8? = nil) {
        self.mains = mains
        self.battery = battery
        self.tamper = tamper
        self.comms = comms
        self.zoneAlarms = zoneAlarms
        self.zoneFaults = zoneFaults
        self.zoneBypasses = zoneBypasses
        self.silent = silent
        self.replyAsUnit = replyAsUnit
        self.exception = exception
    }

    /// No fault at all: a healthy panel.
    package static let none = AlarmHostFaults()

    /// Panel faults by name, as the CLI takes them: `mains,battery,tamper,comms` (also `silent`).
    package init(names: [String]) throws(SimulatorError) {
        self.init()
        for raw in names.flatMap({ $0.split(separator: ",") }) {
            switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
            case "": continue
            case "mains", "ac", "power": mains = true
            case "battery", "batt": battery = true
            case "tamper": tamper = true
            case "comms", "comm", "transmission", "pstn": comms = true
            case "silent", "dead": silent = true
            default: throw SimulatorError("unknown fault '\(raw)': expected mains, battery, tamper, comms or silent")
            }
        }
    }
}

/// Why a simulator could not start or was misconfigured.
package struct SimulatorError: UserFacingError, Sendable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
