/// One simulated decoder on the link: its address, its head, its presets and its faults.
public struct SimulatedDecoder: Sendable, Hashable {
    public var address: UInt8
    /// Never answers and never moves: a dead decoder.
    public var silent: Bool
    /// Answers with a corrupted checksum.
    public var badChecksum: Bool
    /// Answers as if it had another address (a mis-set DIP switch).
    public var replyAddress: UInt8?
    /// Obeys commands but never replies, not even to queries (a plain decoder without feedback).
    public var answersQueries: Bool
    /// Where the head points at start.
    public var position: HeadPosition
    /// Stored presets by id.
    public var presets: [UInt8: HeadPosition]
    /// Positioning speed (set pan/tilt, presets) and the top manual speed, degrees per second.
    public var maxSpeed: Double
    /// Pan end stops; nil = continuous rotation.
    public var panLimits: ClosedRange<Double>?
    /// Tilt end stops, degrees below the horizon (negative = above).
    public var tiltLimits: ClosedRange<Double>
    /// Zoom travel per second in position units (0–65535 is the whole lens).
    public var zoomRate: Double
    /// Reply to 0x45.
    public var partNumber: String
    /// Fault: each preset recall lands this many degrees of pan further than the last (a slipping head).
    public var presetDrift: Double

    public init(address: UInt8, silent: Bool = false, badChecksum: Bool = false, replyAddress: UInt8? = nil,
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
public struct HeadPosition: Sendable, Hashable, CustomStringConvertible {
    public var pan: Double
    public var tilt: Double
    public var zoom: Double

    public init(pan: Double = 0, tilt: Double = 0, zoom: Double = 0) {
        self.pan = pan
        self.tilt = tilt
        self.zoom = zoom
    }

    public var description: String {
        "pan \((pan * 100).rounded() / 100)°, tilt \((tilt * 100).rounded() / 100)°, zoom \(Int(zoom))"
    }
}

/// What a test can see of a simulated decoder: its head and what it was sent.
public struct DecoderSnapshot: Sendable, Hashable {
    public var address: UInt8
    public var position: HeadPosition
    /// True while the head is moving (manual motion or travelling to a target).
    public var moving: Bool
    /// Valid frames addressed to this decoder.
    public var framesReceived: Int
    /// Position and part-number queries among them.
    public var queriesReceived: Int
    /// Frames that make the head or lens move (anything but a query, a stop, a preset set/clear).
    public var movementCommandsReceived: Int
    /// Replies sent.
    public var repliesSent: Int
}
