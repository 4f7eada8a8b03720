public import CheckupCore
import Foundation

/// What is wrong with a simulated panel: the faults a technician must find on the monthly check,
/// plus misbehaviours of the unit itself for tests (silent, wrong unit id, exception replies).
public struct AlarmHostFaults: Sendable, Hashable {
    /// Mains (AC) power lost.
    public var mains = false
    /// Battery fault / low battery.
    public var battery = false
    /// Panel tamper (cabinet open).
    public var tamper = false
    /// Alarm transmission path down (PSTN line fault).
    public var comms = false
    /// Zones in alarm (1-based zone numbers).
    public var zoneAlarms: Set<Int> = []
    /// Zones in fault (detector trouble; on the Elmo map: the zone's low-battery bit).
    public var zoneFaults: Set<Int> = []
    /// Zones bypassed (excluded).
    public var zoneBypasses: Set<Int> = []
    /// The unit never answers (a dead panel on the bus).
    public var silent = false
    /// The unit answers, but with this unit id in its replies.
    public var replyAsUnit: Int?
    /// The unit answers every request with this exception.
    public var exception: UInt8?

    public init(mains: Bool = false, battery: Bool = false, tamper: Bool = false, comms: Bool = false,
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
    public static let none = AlarmHostFaults()

    /// Panel faults by name, as the CLI takes them: `mains,battery,tamper,comms` (also `silent`).
    public init(names: [String]) throws(SimulatorError) {
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
public struct SimulatorError: UserFacingError, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
