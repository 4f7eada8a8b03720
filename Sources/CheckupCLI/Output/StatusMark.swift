import CheckupCore

extension CheckStatus {
    /// One-character mark for a person reading a small screen.
    var mark: String {
        switch self {
        case .pass: "✔"
        case .warn: "!"
        case .fail: "✖"
        case .unreachable: "✖"
        case .error: "?"
        case .skipped: "–"
        case .manual: "✋"
        case .unsupported: "·"
        }
    }

    var colour: Terminal.Colour {
        switch self {
        case .pass: .green
        case .warn: .yellow
        case .fail, .unreachable, .error: .red
        case .skipped, .manual, .unsupported: .grey
        }
    }
}
