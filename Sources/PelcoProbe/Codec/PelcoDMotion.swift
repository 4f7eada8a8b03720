/// The standard (non-extended) Pelco-D command: direction, lens and camera bits plus speeds.
///
/// cmd1: b7 sense, b4 scan, b3 camera on/off, b2 iris close, b1 iris open, b0 focus near.
/// cmd2: b7 focus far, b6 zoom wide, b5 zoom tele, b4 down, b3 up, b2 left, b1 right, b0 = 0.
/// A command persists until the next one; all bits clear is "stop" (docs/reference.md §2.2).
package struct PelcoDMotion: Sendable, Hashable {
    package var sense = false
    package var scan = false
    package var cameraOnOff = false
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
    /// 0–0x3F, 0x40 = turbo.
    package var panSpeed: UInt8 = 0
    /// 0–0x3F.
    package var tiltSpeed: UInt8 = 0

    package init(sense: Bool = false, scan: Bool = false, cameraOnOff: Bool = false,
                irisClose: Bool = false, irisOpen: Bool = false, focusNear: Bool = false,
                focusFar: Bool = false, zoomWide: Bool = false, zoomTele: Bool = false,
                down: Bool = false, up: Bool = false, left: Bool = false, right: Bool = false,
                panSpeed: UInt8 = 0, tiltSpeed: UInt8 = 0) {
        self.sense = sense
        self.scan = scan
        self.cameraOnOff = cameraOnOff
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
    package static let stop = PelcoDMotion()

    /// Pan left (negative) or right (positive) at `speed`.
    package static func pan(right: Bool, speed: UInt8) -> PelcoDMotion {
        PelcoDMotion(left: !right, right: right, panSpeed: speed)
    }

    /// Tilt up or down at `speed`.
    package static func tilt(up: Bool, speed: UInt8) -> PelcoDMotion {
        PelcoDMotion(down: !up, up: up, tiltSpeed: speed)
    }

    /// True when the command makes the head or the lens move (anything but a stop).
    package var moves: Bool {
        left || right || up || down || zoomTele || zoomWide || focusFar || focusNear || irisOpen || irisClose || scan
    }

    var command1: UInt8 {
        var b: UInt8 = 0
        if sense { b |= 0x80 }
        if scan { b |= 0x10 }
        if cameraOnOff { b |= 0x08 }
        if irisClose { b |= 0x04 }
        if irisOpen { b |= 0x02 }
        if focusNear { b |= 0x01 }
        return b
    }

    var command2: UInt8 {
        var b: UInt8 = 0
        if focusFar { b |= 0x80 }
        if zoomWide { b |= 0x40 }
        if zoomTele { b |= 0x20 }
        if down { b |= 0x10 }
        if up { b |= 0x08 }
        if left { b |= 0x04 }
        if right { b |= 0x02 }
        return b
    }

    init(command1 c1: UInt8, command2 c2: UInt8, data1: UInt8, data2: UInt8) {
        self.init(sense: c1 & 0x80 != 0, scan: c1 & 0x10 != 0, cameraOnOff: c1 & 0x08 != 0,
                  irisClose: c1 & 0x04 != 0, irisOpen: c1 & 0x02 != 0, focusNear: c1 & 0x01 != 0,
                  focusFar: c2 & 0x80 != 0, zoomWide: c2 & 0x40 != 0, zoomTele: c2 & 0x20 != 0,
                  down: c2 & 0x10 != 0, up: c2 & 0x08 != 0, left: c2 & 0x04 != 0, right: c2 & 0x02 != 0,
                  panSpeed: data1, tiltSpeed: data2)
    }
}
