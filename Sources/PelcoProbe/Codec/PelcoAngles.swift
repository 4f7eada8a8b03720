/// Conversions between Pelco-D position words and what a person reads (docs/reference.md §2.3).
package enum PelcoAngles: Sendable {
    /// Position words the protocol can carry: hundredths of a degree, 0–35999.
    package static let positionWords: ClosedRange<UInt16> = 0...35999

    /// Why a pan or tilt word from a reply cannot be a position, or nil when it can. A word
    /// outside 0–35999 is a decoder fault or a garbled reply: shown as such, never wrapped
    /// into range (65535 would read as 295.35° and pass `0:360`).
    package static func outOfRange(_ word: UInt16, axis: String) -> String? {
        positionWords.contains(word) ? nil
            : "\(axis) word \(word) (0x\(String(word, radix: 16, uppercase: true))) is outside the protocol's 0–35999 hundredths of a degree"
    }

    /// Pan word (hundredths of a degree, 0–35999) → degrees 0…359.99.
    package static func panDegrees(_ word: UInt16) -> Double { Double(word % 36000) / 100 }

    /// Tilt word → degrees below the horizon (positive down, negative above the horizon):
    /// 0 horizon, 9000 straight down, above the horizon the word is 36000 − x.
    package static func tiltDegrees(_ word: UInt16) -> Double {
        let w = Int(word % 36000)
        return w > 18000 ? Double(w - 36000) / 100 : Double(w) / 100
    }

    /// Degrees → pan word, wrapping into 0–35999. A non-finite angle (never from a validated
    /// profile) gives 0 rather than a trap in `Int(_:)`.
    package static func panWord(_ degrees: Double) -> UInt16 {
        guard degrees.isFinite else { return 0 }
        let h = Int((degrees.truncatingRemainder(dividingBy: 360) * 100).rounded()) % 36000
        return UInt16(h < 0 ? h + 36000 : h)
    }

    /// Degrees below the horizon → tilt word.
    package static func tiltWord(_ degrees: Double) -> UInt16 { panWord(degrees) }

    /// Signed shortest difference `to − from` in degrees, in −180…180 (pan wraps around).
    package static func panDifference(from: Double, to: Double) -> Double {
        var d = (to - from).truncatingRemainder(dividingBy: 360)
        if d > 180 { d -= 360 }
        if d < -180 { d += 360 }
        return d
    }
}
