import CheckupCore

/// Errors the CLI reports with exit code 3: the tool could not do its job.
struct CheckupError: UserFacingError, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
