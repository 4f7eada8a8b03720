import Foundation

/// What `checkup profile new --protocol modbus` starts from: one point and one check, valid as written.
enum ModbusProfileSkeleton {
    static func yaml(vendor: String) -> String {
        let name = NSRegularExpression.escapedPattern(for: vendor).replacingOccurrences(of: "'", with: "''")
        return """
        identify:                          # the device-identification model string (FC 0x2B/0x0E), if the unit answers it
          model: '(?i)\(name)'

        points:
          mains-fault:                 # discrete input (FC02), 1 = fault: Sources/ModbusProbe/README.md
            table: discrete-input
            address: 0x0100

        checks:
          - id: mains
            title: {zh: 市电, en: Mains power}
            point: mains-fault
            map: {false: present, true: {name: mains failure, status: fail}}
        """
    }
}
