/// Readable one-line texts of addresses, for `checkup profile show` and messages:
/// `discrete-input 0x0100 bit`, `holding 0x0010 float32 cdab`,
/// `×8 from 1 {alarm: discrete-input 0x1001 bit, bypass: discrete-input 0x2001 bit}`.
extension ModbusField: CustomStringConvertible {
    package var description: String {
        var parts = [table.rawValue, ModbusError.hex(address), type.rawValue]
        if let bit, type == .bitInRegister { parts.append("bit \(bit)") }
        if type.width(length: length) == 2 { parts.append(order.rawValue) }
        if type == .string, let length { parts.append("length \(length)") }
        if let declaredStride { parts.append("stride \(declaredStride)") }
        return parts.joined(separator: " ")
    }
}

extension ModbusAddress: CustomStringConvertible {
    package var description: String {
        var text: String
        if let count {
            let rows = rowNames.map { "[" + $0.joined(separator: ", ") + "]" } ?? "from \(firstIndex)"
            text = "×\(count) \(rows) "
            if let columns, !columns.isEmpty {
                text += "{" + resolvedColumns.map { "\($0.name): \($0.field)" }.joined(separator: ", ") + "}"
            } else {
                text += field.description
            }
        } else {
            text = field.description
        }
        if let write { text += " write \(write)" }
        return text
    }
}
