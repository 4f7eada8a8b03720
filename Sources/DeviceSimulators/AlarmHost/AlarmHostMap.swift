/// The register maps the simulator serves: the two shipped alarm-host profiles.
///
/// Addresses are PDU addresses (0-based), exactly as the profiles in
/// device-profiles/alarm-hosts/ name them.
package enum AlarmHostMap: String, Sendable, Hashable, CaseIterable {
    /// The public Elmo panel map (docs/reference.md §4.1): everything in discrete inputs.
    case elmo
    /// checkup's documented gateway layout (`generic-modbus-alarm-host`): holding registers.
    case generic

    /// Highest zone number the map has room for.
    package var maxZones: Int { self == .elmo ? 1024 : 256 }

    /// The profile that reads this map.
    package var profileID: String { self == .elmo ? "elmo-modbus" : "generic-modbus-alarm-host" }

    /// Sizes of the four tables: (first address, count) each.
    struct Layout {
        var coils: (start: Int, count: Int)
        var inputs: (start: Int, count: Int)
        var holding: (start: Int, count: Int)
        var inputRegisters: (start: Int, count: Int)
    }

    var layout: Layout {
        switch self {
        case .elmo:
            // Inputs 0x0000…0x8400 (faults, zones, sectors, zone low battery); coils 0x3001…0x5400
            // (sector arm commands, outputs). No registers: a register read is exception 02.
            Layout(coils: (Elmo.sectorArmed, Elmo.outputs + 1024 - Elmo.sectorArmed),
                   inputs: (0, Elmo.zoneLowBattery + 1024), holding: (0, 0), inputRegisters: (0, 0))
        case .generic:
            Layout(coils: (0, 0), inputs: (0, 0), holding: (0, Generic.zoneState + 256), inputRegisters: (0, 0))
        }
    }

    /// Elmo discrete-input addresses (docs/reference.md §4.1, from xtimmy86x/ha-elmo-modbus).
    package enum Elmo: Sendable {
        package static let mainsFault = 0x0100, batteryFault = 0x0101, tamper = 0x0102
        package static let pstnFault = 0x0103, cellularFault = 0x0104
        package static let sensorPower1Fault = 0x0105, sensorPower2Fault = 0x0106, sirenPowerFault = 0x0107
        package static let generalAlarm = 0x0200, generalTamper = 0x0201
        package static let notArmable = 0x0401, armed = 0x0402, armedMax = 0x0403
        package static let inputsInAlarm = 0x0404, alarmMemory = 0x0405, bypassedPresent = 0x0406
        /// Zone n alarm at `zoneAlarm + n − 1`.
        package static let zoneAlarm = 0x1001
        package static let sectorTriggered = 0x1401
        package static let zoneBypassed = 0x2001
        /// Sector s armed (input) / arm command (coil) at `sectorArmed + s − 1`.
        package static let sectorArmed = 0x3001
        package static let outputs = 0x5001
        package static let zoneLowBattery = 0x8001
    }

    /// The generic gateway layout (holding registers), documented in the profile and README.
    package enum Generic: Sendable {
        /// Map version, 1.
        package static let version = 0x0000
        /// Panel status bits: 0 mains fault, 1 battery fault, 2 tamper, 3 transmission fault,
        /// 4 alarm, 5 zones bypassed, 6 zone fault present.
        package static let panelStatus = 0x0001
        /// Battery voltage in 0.01 V.
        package static let batteryVoltage = 0x0002
        /// Mains voltage in 0.1 V.
        package static let mainsVoltage = 0x0003
        package static let zonesConfigured = 0x0004, partitionsConfigured = 0x0005
        /// Seconds since power-up, uint32 ABCD.
        package static let uptime = 0x0006
        /// Model name, 8 registers of ASCII.
        package static let model = 0x0008
        /// Partition p state at `partitionState + p − 1`: 0 disarmed, 1 armed away, 2 armed stay,
        /// 3 armed night, 4 arming, 5 disarming, 6 not ready, 7 in alarm, 255 not used.
        package static let partitionState = 0x0010
        /// Zone n state bits at `zoneState + n − 1` (docs/reference.md §4.2): 0 bypassed, 1 fault,
        /// 3 trouble, 4 tamper, 5 comm failure, 6 low battery, 8 alarm.
        package static let zoneState = 0x0100
    }

    /// Bit numbers of a generic zone-state word.
    package enum ZoneBit: Sendable {
        package static let bypassed = 0, fault = 1, trouble = 3, tamper = 4, commFailure = 5, lowBattery = 6, alarm = 8
    }

    /// Zones and partitions a simulated panel has configured.
    static let configuredZones = 32
    static let configuredPartitions = 4

    /// The values of a panel with `faults`, as sparse tables.
    func image(_ faults: AlarmHostFaults) -> (coils: [Int: Bool], inputs: [Int: Bool], holding: [Int: UInt16]) {
        let zones = { (set: Set<Int>) in set.filter { (1...maxZones).contains($0) } }
        switch self {
        case .elmo:
            var inputs: [Int: Bool] = [:]
            var coils: [Int: Bool] = [:]
            inputs[Elmo.mainsFault] = faults.mains
            inputs[Elmo.batteryFault] = faults.battery
            inputs[Elmo.tamper] = faults.tamper
            inputs[Elmo.generalTamper] = faults.tamper
            inputs[Elmo.pstnFault] = faults.comms
            inputs[Elmo.armed] = true
            inputs[Elmo.sectorArmed] = true          // sector 1 armed
            coils[Elmo.sectorArmed] = true
            for n in zones(faults.zoneAlarms) { inputs[Elmo.zoneAlarm + n - 1] = true }
            for n in zones(faults.zoneBypasses) { inputs[Elmo.zoneBypassed + n - 1] = true }
            for n in zones(faults.zoneFaults) { inputs[Elmo.zoneLowBattery + n - 1] = true }
            if !zones(faults.zoneAlarms).isEmpty {
                inputs[Elmo.generalAlarm] = true
                inputs[Elmo.inputsInAlarm] = true
                inputs[Elmo.alarmMemory] = true
                inputs[Elmo.sectorTriggered] = true
            }
            inputs[Elmo.bypassedPresent] = !zones(faults.zoneBypasses).isEmpty
            return (coils, inputs, [:])
        case .generic:
            var holding: [Int: UInt16] = [:]
            var status: UInt16 = 0
            if faults.mains { status |= 1 << 0 }
            if faults.battery { status |= 1 << 1 }
            if faults.tamper { status |= 1 << 2 }
            if faults.comms { status |= 1 << 3 }
            if !zones(faults.zoneAlarms).isEmpty { status |= 1 << 4 }
            if !zones(faults.zoneBypasses).isEmpty { status |= 1 << 5 }
            if !zones(faults.zoneFaults).isEmpty { status |= 1 << 6 }
            holding[Generic.version] = 1
            holding[Generic.panelStatus] = status
            holding[Generic.batteryVoltage] = faults.battery ? 1120 : 1365
            holding[Generic.mainsVoltage] = faults.mains ? 0 : 2300
            holding[Generic.zonesConfigured] = UInt16(Self.configuredZones)
            holding[Generic.partitionsConfigured] = UInt16(Self.configuredPartitions)
            holding[Generic.uptime] = 0x0001
            holding[Generic.uptime + 1] = 0x5180          // 86400 s: one day
            let model = Array("CHECKUP-SIM-GW".utf8) + [UInt8](repeating: 0, count: 2)
            for i in 0..<8 { holding[Generic.model + i] = UInt16(model[2 * i]) << 8 | UInt16(model[2 * i + 1]) }
            for p in 1...16 {
                holding[Generic.partitionState + p - 1] = p == 1 ? 1 : (p <= Self.configuredPartitions ? 0 : 255)
            }
            if !zones(faults.zoneAlarms).isEmpty { holding[Generic.partitionState] = 7 }
            var zoneWords: [Int: UInt16] = [:]
            for n in zones(faults.zoneBypasses) { zoneWords[n, default: 0] |= 1 << UInt16(ZoneBit.bypassed) }
            for n in zones(faults.zoneFaults) { zoneWords[n, default: 0] |= 1 << UInt16(ZoneBit.fault) }
            for n in zones(faults.zoneAlarms) { zoneWords[n, default: 0] |= 1 << UInt16(ZoneBit.alarm) }
            for (n, word) in zoneWords { holding[Generic.zoneState + n - 1] = word }
            return ([:], [:], holding)
        }
    }

    /// Device identification objects (0x2B/0x0E) the simulated unit reports.
    var identification: [UInt8: String] {
        switch self {
        case .elmo: [0: "Elmo (checkup simulator)", 1: "ELMO-MB-SIM", 2: "1.0", 3: "https://example.invalid/checkup",
                     4: "Simulated Elmo panel", 5: "ELMO-MB-SIM"]
        case .generic: [0: "checkup", 1: "CHECKUP-SIM-GW", 2: "1.0", 3: "https://example.invalid/checkup",
                        4: "Simulated alarm-host gateway", 5: "CHECKUP-SIM-GW"]
        }
    }
}
