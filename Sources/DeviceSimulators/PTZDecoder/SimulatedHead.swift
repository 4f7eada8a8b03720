import PelcoProbe

/// The moving head of one simulated decoder: manual motion, travel to targets, presets, limits.
///
/// Time is passed in explicitly (seconds on a monotonic clock), so the kinematics are plain
/// arithmetic: `advance(to:)` integrates motion since the last event.
struct SimulatedHead {
    var config: SimulatedDecoder
    var position: HeadPosition
    /// Manual motion: degrees per second, signed (pan +right, tilt +down), zoom units per second.
    var panRate = 0.0, tiltRate = 0.0, zoomRate = 0.0
    /// Absolute targets (set pan/tilt/zoom, presets).
    var panTarget: Double?, tiltTarget: Double?, zoomTarget: Double?
    var lastUpdate: Double
    var framesReceived = 0, queriesReceived = 0, movementCommandsReceived = 0, repliesSent = 0
    /// Preset recalls so far (the drift fault grows with them).
    var recalls = 0

    init(_ config: SimulatedDecoder, now: Double) {
        self.config = config
        position = config.position
        lastUpdate = now
    }

    var moving: Bool {
        panRate != 0 || tiltRate != 0 || zoomRate != 0 || panTarget != nil || tiltTarget != nil || zoomTarget != nil
    }

    /// Degrees per second for a Pelco speed byte: 0 slowest, 0x3F fastest, 0x40 turbo.
    func degreesPerSecond(_ speed: UInt8) -> Double {
        if speed >= 0x40 { return config.maxSpeed * 1.5 }
        return 0.5 + (config.maxSpeed - 0.5) * Double(speed) / 63
    }

    mutating func advance(to now: Double) {
        let dt = max(0, now - lastUpdate)
        lastUpdate = now
        guard dt > 0 else { return }
        // Manual motion.
        if panRate != 0 { position.pan = clampPan(position.pan + panRate * dt) }
        if tiltRate != 0 { position.tilt = clampTilt(position.tilt + tiltRate * dt) }
        if zoomRate != 0 { position.zoom = min(65535, max(0, position.zoom + zoomRate * dt)) }
        // Travel to targets at full positioning speed; pan takes the short way round.
        let step = config.maxSpeed * dt
        if let target = panTarget {
            var d = (target - position.pan).truncatingRemainder(dividingBy: 360)
            if config.panLimits == nil { if d > 180 { d -= 360 } else if d < -180 { d += 360 } }
            if abs(d) <= step { position.pan = target; panTarget = nil } else { position.pan = clampPan(position.pan + (d > 0 ? step : -step)) }
        }
        if let target = tiltTarget {
            let d = target - position.tilt
            if abs(d) <= step { position.tilt = target; tiltTarget = nil } else { position.tilt += d > 0 ? step : -step }
        }
        if let target = zoomTarget {
            let d = target - position.zoom
            let zstep = config.zoomRate * dt
            if abs(d) <= zstep { position.zoom = target; zoomTarget = nil } else { position.zoom += d > 0 ? zstep : -zstep }
        }
    }

    func clampPan(_ pan: Double) -> Double {
        if let limits = config.panLimits { return min(limits.upperBound, max(limits.lowerBound, pan)) }
        let p = pan.truncatingRemainder(dividingBy: 360)
        return p < 0 ? p + 360 : p
    }

    func clampTilt(_ tilt: Double) -> Double {
        min(config.tiltLimits.upperBound, max(config.tiltLimits.lowerBound, tilt))
    }

    mutating func goTo(_ p: HeadPosition) {
        panTarget = clampPan(p.pan)
        tiltTarget = clampTilt(p.tilt)
        zoomTarget = min(65535, max(0, p.zoom))
        panRate = 0; tiltRate = 0; zoomRate = 0
    }

    mutating func recall(_ id: UInt8) {
        guard var p = config.presets[id] else { return }
        p.pan += config.presetDrift * Double(recalls)
        recalls += 1
        goTo(p)
    }

    /// Applies a Pelco-D command; returns the reply, or nil when this command draws none.
    mutating func apply(_ command: PelcoDCommand, now: Double) -> PelcoDResponse? {
        advance(to: now)
        framesReceived += 1
        let replyAddress = config.replyAddress ?? config.address
        if command.isQuery { queriesReceived += 1 } else if Self.moves(command) { movementCommandsReceived += 1 }
        switch command {
        case .standard(let m): drive(m)
        case .setPreset(let id): config.presets[id] = position
        case .clearPreset(let id): config.presets[id] = nil
        case .goToPreset(let id): recall(id)
        case .flip: panTarget = clampPan(position.pan + 180)
        case .goToZeroPan: panTarget = 0
        case .setPan(let w): panTarget = clampPan(PelcoAngles.panDegrees(w))
        case .setTilt(let w): tiltTarget = clampTilt(PelcoAngles.tiltDegrees(w))
        case .setZoom(let w): zoomTarget = Double(w)
        case .setZeroPosition: position.pan = 0
        case .queryPan:
            return .extended(address: replyAddress, opcode: PelcoDCommand.Opcode.panReply, value: PelcoAngles.panWord(position.pan))
        case .queryTilt:
            return .extended(address: replyAddress, opcode: PelcoDCommand.Opcode.tiltReply, value: PelcoAngles.tiltWord(position.tilt))
        case .queryZoom:
            return .extended(address: replyAddress, opcode: PelcoDCommand.Opcode.zoomReply, value: UInt16(position.zoom.rounded()))
        case .queryMagnification:
            let magnification = 100 + position.zoom / 65535 * 2900   // 1× … 30×
            return .extended(address: replyAddress, opcode: PelcoDCommand.Opcode.magnificationReply, value: UInt16(magnification.rounded()))
        case .query:
            return .partNumber(address: replyAddress, text: config.partNumber)
        default: break
        }
        return .general(address: replyAddress, alarms: 0)
    }

    /// A standard motion frame, the same in both dialects: the head turns until the next frame.
    private mutating func drive(_ m: PelcoMotion) {
        panTarget = nil; tiltTarget = nil; zoomTarget = nil
        panRate = m.right ? degreesPerSecond(m.panSpeed) : m.left ? -degreesPerSecond(m.panSpeed) : 0
        tiltRate = m.down ? degreesPerSecond(m.tiltSpeed) : m.up ? -degreesPerSecond(m.tiltSpeed) : 0
        zoomRate = m.zoomTele ? config.zoomRate : m.zoomWide ? -config.zoomRate : 0
    }

    /// Applies a Pelco-P command (no reply: Pelco-P decoders never answer).
    mutating func apply(_ command: PelcoPCommand, now: Double) {
        advance(to: now)
        framesReceived += 1
        if command.moves { movementCommandsReceived += 1 }
        switch command {
        case .standard(let m): drive(m)
        case .setPreset(let id): config.presets[id] = position
        case .clearPreset(let id): config.presets[id] = nil
        case .goToPreset(let id): recall(id)
        case .other: break
        }
    }

    /// Commands that make something move (a stop, a query, preset set/clear and settings do not).
    static func moves(_ command: PelcoDCommand) -> Bool {
        switch command {
        case .standard(let m): return m.moves
        case .goToPreset, .flip, .goToZeroPan, .setPan, .setTilt, .setZoom, .setMagnification,
             .patternRun, .zoneScanOn, .remoteReset, .resetCamera, .setZeroPosition: return true
        default: return false
        }
    }

    var snapshot: DecoderSnapshot {
        DecoderSnapshot(address: config.address, position: position, moving: moving, framesReceived: framesReceived,
                        queriesReceived: queriesReceived, movementCommandsReceived: movementCommandsReceived,
                        repliesSent: repliesSent)
    }
}
