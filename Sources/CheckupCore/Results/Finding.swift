import Foundation

/// What a check saw, as data rather than words, so each record can say it in its own language
/// (`主电源：正常`, `5 号防区`, `CPU 27 %`). The `observed` text of a result stays the English
/// line for terminals and logs; records word the finding from a phrase table.
package enum Finding: Sendable, Codable, Hashable {
    /// A number with its unit symbol (%, °C, V, GB, s).
    case quantity(value: Double, unit: String?)
    /// A named state of a map (`present`, `SmartFailed`), with the profile's words for it.
    case state(name: LocalizedText)
    /// The bits of a bit field that are raised (empty: none).
    case flags(raised: [LocalizedText])
    /// A table: how many rows, what a row is called (the point's title), and the rows at fault.
    case rows(total: Int, noun: LocalizedText?, offending: [RowFinding])
    /// How many rows of a table matched a counted condition.
    case count(matching: Int, total: Int, noun: LocalizedText?)
    /// A device clock, and how far it is from ours.
    case clock(skewSeconds: Double)
    /// Text the device gave (a model name, a version): shown as it is.
    case text(value: String)
    /// The device did not answer.
    case unreachable(waitedSeconds: Double)
    /// The unit does not implement the object the check reads.
    case notSupported
    /// An active step left undone because the run had no `--allow-active`.
    case notRun
    /// A row for a person, with what to look at.
    case manual(instruction: LocalizedText?)
    /// The answer could not be judged (wrong type, unparsable); the detail is evidence.
    case unreadable
    /// The device was not inspected, with why (串口总线未接入).
    case notInspected(reason: LocalizedText)
}

/// One row of a table that broke a check: its name and, where known, its state.
package struct RowFinding: Sendable, Codable, Hashable {
    package var label: LocalizedText
    package var state: LocalizedText?

    package init(label: LocalizedText, state: LocalizedText? = nil) {
        self.label = label
        self.state = state
    }
}
