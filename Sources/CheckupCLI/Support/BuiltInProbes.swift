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

    /// The registry every command uses: the built-ins, plus the probes a build of its own adds
    /// through `CheckupMain.main(adding:)` (a task-local, so it reaches every command unchanged).
    @TaskLocal static var inUse = registry
}
