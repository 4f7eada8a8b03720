/// A standard Pelco command, Pelco-D's or Pelco-P's: direction, lens and camera bits plus the
/// pan and tilt speeds. The two dialects name the same bits; where each sits in the frame is
/// the dialect's `PelcoMotionLayout`. A command persists until the next one; all bits clear is
/// "stop" (docs/reference.md §2.2, §2.5).
package struct PelcoMotion: Sendable, Hashable {
    /// Pelco-D only: the "sense" bit that gives `scan` and `cameraOnOff` their meaning.
    package var sense = false
    package var scan = false
    package var cameraOnOff = false
    /// Pelco-P only: camera on (with `cameraOnOff`).
    package var cameraOn = false
    package var irisClose = false
    package var irisOpen = false
    package var focusNear = false
    package var focusFar = false
    package var zoomWide = false
    package var zoomTele = false
    package var down = false
    package var up = false
    package var left = false
    package var right = false
    /// 0–0x3F, 0x40 = turbo (Pelco-D).
    package var panSpeed: UInt8 = 0
    /// 0–0x3F.
    package var tiltSpeed: UInt8 = 0

    package init(sense: Bool = false, scan: Bool = false, cameraOnOff: Bool = false, cameraOn: Bool = false,
                irisClose: Bool = false, irisOpen: Bool = false, focusNear: Bool = false,
                focusFar: Bool = false, zoomWide: Bool = false, zoomTele: Bool = false,
                down: Bool = false, up: Bool = false, left: Bool = false, right: Bool = false,
                panSpeed: UInt8 = 0, tiltSpeed: UInt8 = 0) {
        self.sense = sense
        self.scan = scan
        self.cameraOnOff = cameraOnOff
        self.cameraOn = cameraOn
        self.irisClose = irisClose
        self.irisOpen = irisOpen
        self.focusNear = focusNear
        self.focusFar = focusFar
        self.zoomWide = zoomWide
        self.zoomTele = zoomTele
        self.down = down
        self.up = up
        self.left = left
        self.right = right
        self.panSpeed = panSpeed
        self.tiltSpeed = tiltSpeed
    }

    /// All bits clear: the head stops.
    package static let stop = PelcoMotion()

    /// Pan left or right at `speed`.
    package static func pan(right: Bool, speed: UInt8) -> PelcoMotion {
        PelcoMotion(left: !right, right: right, panSpeed: speed)
    }

    /// Tilt up or down at `speed`.
    package static func tilt(up: Bool, speed: UInt8) -> PelcoMotion {
        PelcoMotion(down: !up, up: up, tiltSpeed: speed)
    }

    /// True when the command makes the head or the lens move (anything but a stop).
    package var moves: Bool {
        left || right || up || down || zoomTele || zoomWide || focusFar || focusNear || irisOpen || irisClose || scan
    }

    /// The two bytes that carry the bits in `layout`'s dialect.
    func bits(in layout: PelcoMotionLayout) -> (UInt8, UInt8) {
        var bytes: [UInt8] = [0, 0]
        for bit in layout.bits where self[keyPath: bit.flag] { bytes[bit.byte] |= bit.mask }
        return (bytes[0], bytes[1])
    }

    /// Reads the bits of `layout`'s dialect from two bytes and the speeds from two more.
    init(_ layout: PelcoMotionLayout, bits first: UInt8, _ second: UInt8, panSpeed: UInt8, tiltSpeed: UInt8) {
        self.init(panSpeed: panSpeed, tiltSpeed: tiltSpeed)
        let bytes = [first, second]
        for bit in layout.bits { self[keyPath: bit.flag] = bytes[bit.byte] & bit.mask != 0 }
    }
}

/// Where a dialect puts each bit of a standard command: in the first or second of its two
/// command bytes, and the mask (docs/reference.md §2.2, §2.5).
struct PelcoMotionLayout: Sendable {
    let bits: [(flag: any WritableKeyPath<PelcoMotion, Bool> & Sendable, byte: Int, mask: UInt8)]

    /// cmd1: b7 sense, b4 scan, b3 camera on/off, b2 iris close, b1 iris open, b0 focus near.
    /// cmd2: b7 focus far, b6 zoom wide, b5 zoom tele, b4 down, b3 up, b2 left, b1 right, b0 = 0.
    static let pelcoD = PelcoMotionLayout(bits: [
        (\.sense, 0, 0x80), (\.scan, 0, 0x10), (\.cameraOnOff, 0, 0x08),
        (\.irisClose, 0, 0x04), (\.irisOpen, 0, 0x02), (\.focusNear, 0, 0x01),
        (\.focusFar, 1, 0x80), (\.zoomWide, 1, 0x40), (\.zoomTele, 1, 0x20), (\.down, 1, 0x10),
        (\.up, 1, 0x08), (\.left, 1, 0x04), (\.right, 1, 0x02),
    ])

    /// data1: b0 focus far, b1 focus near, b2 iris open, b3 iris close, b4 camera on/off,
    /// b5 auto-scan, b6 camera on. data2: b0 extended, b1 right, b2 left, b3 up, b4 down,
    /// b5 tele, b6 wide.
    static let pelcoP = PelcoMotionLayout(bits: [
        (\.focusFar, 0, 0x01), (\.focusNear, 0, 0x02), (\.irisOpen, 0, 0x04), (\.irisClose, 0, 0x08),
        (\.cameraOnOff, 0, 0x10), (\.scan, 0, 0x20), (\.cameraOn, 0, 0x40),
        (\.right, 1, 0x02), (\.left, 1, 0x04), (\.up, 1, 0x08), (\.down, 1, 0x10),
        (\.zoomTele, 1, 0x20), (\.zoomWide, 1, 0x40),
    ])
}
