/// One simulated decoder on the link: its address, its head, its presets and its faults.
package struct SimulatedDecoder: Sendable, Hashable {
    package var address: UInt8
    /// Never answers and never moves: a dead decoder.
    package var silent: Bool
    /// Answers with a corrupted checksum.
    package var badChecksum: Bool
    /// Answers as if it had another address (a mis-set DIP switch).
    package var replyAddress: UInt8?
    /// Obeys commands but never replies, not even to queries (a plain decoder without feedback).
    package var answersQueries: Bool
    /// Where the head points at start.
    package var position: HeadPosition
    /// Stored presets by id.
    package var presets: [UInt8: HeadPosition]
    /// Positioning speed (set pan/tilt, presets) and the top manual speed, degrees per second.
    package var maxSpeed: Double
    /// Pan end stops; nil = continuous rotation.
    package var panLimits: ClosedRange<Double>?
    /// Tilt end stops, degrees below the horizon (negative = above).
    package var tiltLimits: ClosedRange<Double>
    /// Zoom travel per second in position units (0–65535 is the whole lens).
    package var zoomRate: Double
    /// Reply to 0x45.
    package var partNumber: String
    /// Fault: each preset recall lands this many degrees of pan further than the last (a slipping head).
    package var presetDrift: Double

    package init(address: UInt8, silent: Bool = false, badChecksum: Bool = false, replyAddress: UInt8? = nil,
                answersQueries: Bool = true, position: HeadPosition = HeadPosition(),
                presets: [UInt8: HeadPosition] = [1: HeadPosition(pan: 90, tilt: 10, zoom: 0)],
                maxSpeed: Double = 60, panLimits: ClosedRange<Double>? = nil, tiltLimits: ClosedRange<Double> = -5...90,
                zoomRate: Double = 20000, partNumber: String = "SIM-PTZ-D", presetDrift: Double = 0) {
        self.address = address
        self.silent = silent
        self.badChecksum = badChecksum
        self.replyAddress = replyAddress
        self.answersQueries = answersQueries
        self.position = position
        self.presets = presets
        self.maxSpeed = maxSpeed
        self.panLimits = panLimits
        self.tiltLimits = tiltLimits
        self.zoomRate = zoomRate
        self.partNumber = partNumber
        self.presetDrift = presetDrift
    }
}

/// Where a head points: pan 0–360°, tilt degrees below the horizon, zoom 0–65535.
package struct HeadPosition: Sendable, Hashable, CustomStringConvertible {
    package var pan: Double
    package var tilt: Double
    package var zoom: Double

    package init(pan: Double = 0, tilt: Double = 0, zoom: Double = 0) {
        self.pan = pan
        self.tilt = tilt
        self.zoom = zoom
    }

    package var description: String {
        "pan \((pan * 100).rounded() / 100)°, tilt \((tilt * 100).rounded() / 100)°, zoom \(Int(zoom))"
    }
}

/// What a test can see of a simulated decoder: its head and what it was sent.
package struct DecoderSnapshot: Sendable, Hashable {
    package var address: UInt8
    package var position: HeadPosition
    /// True while the head is moving (manual motion or travelling to a target).
    package var moving: Bool
    /// Valid frames addressed to this decoder.
    package var framesReceived: Int
    /// Position and part-number queries among them.
    package var queriesReceived: Int
    /// Frames that make the head or lens move (anything but a query, a stop, a preset set/clear).
    package var movementCommandsReceived: Int
    /// Replies sent.
    package var repliesSent: Int
}
