import CModbus
import Foundation
import ModbusProbe

/// One simulated Modbus unit: a libmodbus mapping filled from a map and its faults.
///
/// Only touched by the simulator's thread or under the simulator's lock.
final class SimulatedUnit {
    let map: AlarmHostMap
    private(set) var faults: AlarmHostFaults
    let mapping: UnsafeMutablePointer<modbus_mapping_t>
    /// Set when the unit serves a recorded image instead of a map.
    let image: ModbusRegisterImage?

    init(map: AlarmHostMap, faults: AlarmHostFaults) throws(SimulatorError) {
        let layout = map.layout
        guard let mapping = modbus_mapping_new_start_address(
            UInt32(layout.coils.start), UInt32(layout.coils.count),
            UInt32(layout.inputs.start), UInt32(layout.inputs.count),
            UInt32(layout.holding.start), UInt32(layout.holding.count),
            UInt32(layout.inputRegisters.start), UInt32(layout.inputRegisters.count)) else {
            throw SimulatorError("cannot allocate the Modbus mapping")
        }
        self.map = map
        self.faults = faults
        self.mapping = mapping
        image = nil
        apply(faults)
    }

    /// A unit serving a recorded image: each table spans its recorded items; `AlarmHostSimulator`
    /// refuses reads of the items in between that were never recorded.
    init(image: ModbusRegisterImage) throws(SimulatorError) {
        let coils = image.extent(.coil), inputs = image.extent(.discreteInput)
        let holding = image.extent(.holding), registers = image.extent(.input)
        guard let mapping = modbus_mapping_new_start_address(
            UInt32(coils.start), UInt32(coils.count), UInt32(inputs.start), UInt32(inputs.count),
            UInt32(holding.start), UInt32(holding.count), UInt32(registers.start), UInt32(registers.count)) else {
            throw SimulatorError("cannot allocate the Modbus mapping")
        }
        map = .generic
        faults = .none
        self.mapping = mapping
        self.image = image
        let m = mapping.pointee
        for (address, v) in image.items[.coil] ?? [:] { m.tab_bits[address - coils.start] = v == 0 ? 0 : 1 }
        for (address, v) in image.items[.discreteInput] ?? [:] { m.tab_input_bits[address - inputs.start] = v == 0 ? 0 : 1 }
        for (address, v) in image.items[.holding] ?? [:] { m.tab_registers[address - holding.start] = v }
        for (address, v) in image.items[.input] ?? [:] { m.tab_input_registers[address - registers.start] = v }
    }

    deinit { modbus_mapping_free(mapping) }

    /// Rewrites the tables for `faults` (writes made by clients are lost, as on a panel reset).
    func apply(_ faults: AlarmHostFaults) {
        self.faults = faults
        guard image == nil else { return }
        let m = mapping.pointee
        if m.nb_bits > 0 { memset(m.tab_bits, 0, Int(m.nb_bits)) }
        if m.nb_input_bits > 0 { memset(m.tab_input_bits, 0, Int(m.nb_input_bits)) }
        if m.nb_registers > 0 { memset(m.tab_registers, 0, Int(m.nb_registers) * 2) }
        let image = map.image(faults)
        for (address, value) in image.coils {
            let i = address - Int(m.start_bits)
            if i >= 0 && i < Int(m.nb_bits) { m.tab_bits[i] = value ? 1 : 0 }
        }
        for (address, value) in image.inputs {
            let i = address - Int(m.start_input_bits)
            if i >= 0 && i < Int(m.nb_input_bits) { m.tab_input_bits[i] = value ? 1 : 0 }
        }
        for (address, value) in image.holding {
            let i = address - Int(m.start_registers)
            if i >= 0 && i < Int(m.nb_registers) { m.tab_registers[i] = value }
        }
    }

    /// After a client wrote coils: an Elmo sector arm command shows as the sector's armed input.
    func mirrorCommands() {
        guard map == .elmo, image == nil else { return }
        let m = mapping.pointee
        for s in 0..<64 {
            let coil = AlarmHostMap.Elmo.sectorArmed + s - Int(m.start_bits)
            let input = AlarmHostMap.Elmo.sectorArmed + s - Int(m.start_input_bits)
            if coil >= 0 && coil < Int(m.nb_bits) && input >= 0 && input < Int(m.nb_input_bits) {
                m.tab_input_bits[input] = m.tab_bits[coil]
            }
        }
    }

    /// The device identification reply PDU for read code `code` (1 basic, 2 regular, 4 one object).
    func identificationPDU(code: UInt8, object: UInt8) -> [UInt8]? {
        let objects = image?.identification ?? map.identification
        let ids: [UInt8]
        switch code {
        case 1: ids = [0, 1, 2]
        case 2: ids = [0, 1, 2, 3, 4, 5]
        case 4: ids = objects[object] == nil ? [] : [object]
        default: return nil
        }
        if ids.isEmpty { return nil }
        var pdu: [UInt8] = [0x2B, 0x0E, code, 0x82, 0x00, 0x00, UInt8(ids.count)]
        for id in ids {
            let bytes = Array((objects[id] ?? "").utf8.prefix(200))
            pdu += [id, UInt8(bytes.count)] + bytes
        }
        return pdu
    }
}
