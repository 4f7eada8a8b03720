/// Why a record operation could not be done; the CLI prints `message` and exits 3.
public struct RecordError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
