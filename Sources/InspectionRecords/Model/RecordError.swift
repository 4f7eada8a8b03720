public import CheckupCore

/// Why a record operation could not be done; the CLI prints `message` and exits 3.
public struct RecordError: UserFacingError, Sendable, CustomStringConvertible, Equatable {
    public var message: String
    /// Problems at places in a file (an answers file), `path:line:col: message` each; the CLI
    /// prints them as they are so editors can jump to them. Empty for other errors.
    public var located: [LocatedError]

    public init(_ message: String) {
        self.message = message
        self.located = []
    }

    public init(located: [LocatedError]) {
        self.message = FileErrors(located).description
        self.located = located
    }

    public var description: String { message }
    public var locations: [LocatedError] { located }
}
