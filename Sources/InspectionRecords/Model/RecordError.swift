package import CheckupCore

/// Why a record operation could not be done; the CLI prints `message` and exits 3.
package struct RecordError: UserFacingError, Sendable, CustomStringConvertible, Equatable {
    package var message: String
    /// Problems at places in a file (an answers file), `path:line:col: message` each; the CLI
    /// prints them as they are so editors can jump to them. Empty for other errors.
    package var located: [LocatedError]

    package init(_ message: String) {
        self.message = message
        self.located = []
    }

    package init(located: [LocatedError]) {
        self.message = FileErrors(located).description
        self.located = located
    }

    package var description: String { message }
    package var locations: [LocatedError] { located }
}
