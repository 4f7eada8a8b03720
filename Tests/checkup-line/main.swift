import CheckupCLI
import CheckupCore
import LineProbe

// `checkup` with one more probe: the one registration line a new protocol needs.
await CheckupMain.main { $0.register(LineProbe()) }
