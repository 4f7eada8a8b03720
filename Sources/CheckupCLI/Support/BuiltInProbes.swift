import CheckupCore
import ModbusProbe
import PelcoProbe
import SNMPProbe

/// The probes compiled into `checkup`: one line per protocol.
enum BuiltInProbes {
    static var registry: ProbeRegistry {
        ProbeRegistry { registry in
            registry.register(AlarmHostProbe())
            registry.register(PTZDecoderProbe())
            registry.register(SNMPProbe())
        }
    }
}
