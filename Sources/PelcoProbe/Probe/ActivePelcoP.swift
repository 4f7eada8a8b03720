import CheckupCore

/// Manual steps on a Pelco-P decoder (which never answers): the command is sent and a person
/// confirms on site. Needs an `ActivePermission`.
struct ActivePelcoP {
    let line: PelcoLine
    let address: UInt8
    let context: ProbeContext
    let permission: ActivePermission
    private(set) var exchanges: [Exchange] = []

    init(line: PelcoLine, address: UInt8, context: ProbeContext, permission: ActivePermission) {
        self.line = line
        self.address = address
        self.context = context
        self.permission = permission
    }

    private mutating func send(_ command: PelcoPCommand, label: String) async -> SerialPortError? {
        let frame = command.frame(to: address)
        exchanges.append(Exchange(.sent, "\(permission.point): \(label): \(Exchange.hex(frame.bytes))", at: context.now()))
        let result = await line.exchange(frame.bytes, expecting: nil, requestChecksum: frame.checksum,
                                         replyTimeout: .zero, io: context.io)
        if case .failure(let error) = result { return error }
        return nil
    }

    /// Sends the command (a motion runs `duration` seconds, then stop) and says a person must confirm.
    mutating func manualCommand(_ a: PTZPointAddress, _ c: PTZPointAddress.Command) async -> ActivePelcoD.Outcome {
        let speed = UInt8(clamping: a.speed)
        var motion: PelcoMotion?
        switch c {
        case .goToPreset:
            let preset = UInt8(clamping: a.preset ?? 1)
            if let error = await send(.goToPreset(preset), label: "go to preset \(preset)") {
                return .init(value: .error("\(error)"), evidence: "")
            }
            return .init(value: .text(ManualStep.sent), evidence: "go to preset \(preset) sent: \(Exchange.hex(PelcoPCommand.goToPreset(preset).bytes(to: address)))")
        case .stop: motion = nil
        case .panLeft: motion = PelcoMotion(left: true, panSpeed: speed)
        case .panRight: motion = PelcoMotion(right: true, panSpeed: speed)
        case .tiltUp: motion = PelcoMotion(up: true, tiltSpeed: speed)
        case .tiltDown: motion = PelcoMotion(down: true, tiltSpeed: speed)
        case .zoomIn: motion = PelcoMotion(zoomTele: true)
        case .zoomOut: motion = PelcoMotion(zoomWide: true)
        }
        if let motion {
            if let error = await send(.standard(motion), label: c.rawValue) { return .init(value: .error("\(error)"), evidence: "") }
            try? await Task.sleep(for: a.runTime)
        }
        if let error = await send(.standard(.stop), label: "stop") { return .init(value: .error("\(error)"), evidence: "") }
        return .init(value: .text(ManualStep.sent), evidence: "\(c.rawValue) sent\(motion == nil ? "" : " for \(a.duration) s, then stop")")
    }
}
