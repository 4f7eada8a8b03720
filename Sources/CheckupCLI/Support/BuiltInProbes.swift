import CheckupCore

/// The probes compiled into `checkup`: one line per protocol.
enum BuiltInProbes {
    static var registry: ProbeRegistry {
        ProbeRegistry { registry in
            // registered as each probe module lands (ModbusProbe, SNMPProbe, PelcoProbe)
            _ = registry
        }
    }
}
