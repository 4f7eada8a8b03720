import Foundation

/// A recorded device: every reading of a profile's points at one moment, replayable through
/// the evaluator with no device (`checkup capture`, `checkup profile test --replay`).
public struct Capture: Sendable, Codable {
    public var profile: String
    /// Redacted endpoint URL.
    public var endpoint: String
    public var capturedAt: Date
    public var readings: [String: Reading]
    public var unreachable: String?
    /// Expected status per check id: makes the capture a regression test of the profile.
    public var expect: [String: CheckStatus]?

    public init(profile: String, endpoint: String, capturedAt: Date, readings: Readings, expect: [String: CheckStatus]? = nil) {
        self.profile = profile
        self.endpoint = endpoint
        self.capturedAt = capturedAt
        self.readings = readings.values
        self.unreachable = readings.unreachable
        self.expect = expect
    }

    public var asReadings: Readings { Readings(values: readings, unreachable: unreachable) }

    enum CodingKeys: String, CodingKey {
        case profile, endpoint
        case capturedAt = "captured_at"
        case readings, unreachable, expect
    }

    public static func decode(_ data: Data) throws -> Capture {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Capture.self, from: data)
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
