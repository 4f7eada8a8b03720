/// An error checkup reports to its user: what went wrong, where, and the exit code
/// (docs/design.md, "Errors"). Every module's errors adopt it, so the CLI turns any of them
/// into a message and an exit code in one place, and nothing converts errors on the way up.
public protocol UserFacingError: Error {
    /// One line the user can act on, naming the device and exchange where there is one,
    /// never a credential. The CLI prints it after `checkup: `.
    var summary: String { get }
    /// Problems at places in input files; when there are any, the CLI prints these, one
    /// `path:line:col: message` a line (the form editors jump to), instead of `summary`.
    var locations: [LocatedError] { get }
    /// The process exit code: 3, the tool could not do its job, unless the error says otherwise.
    var exitCode: Int32 { get }
}

extension UserFacingError {
    public var locations: [LocatedError] { [] }
    public var exitCode: Int32 { 3 }

    /// What the CLI prints for this error.
    public var report: String {
        locations.isEmpty ? "checkup: \(summary)" : FileErrors(locations).description
    }
}

extension UserFacingError where Self: CustomStringConvertible {
    public var summary: String { description }
}

extension LocatedError: UserFacingError {
    public var locations: [LocatedError] { [self] }
}

extension FileErrors: UserFacingError {
    public var locations: [LocatedError] { errors }
}

extension EndpointError: UserFacingError {
    public var summary: String { "bad endpoint: \(message)" }
}
