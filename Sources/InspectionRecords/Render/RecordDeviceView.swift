import CheckupCore
import Foundation
import Mustache

/// One device of the record's device table as a template sees it (`devices[]` in
/// Templates/README.md), each value worked out when asked for (see `RecordRowView`).
final class RecordDeviceView: ListItemView {
    private let device: RecordDevice
    private let number: Int
    private let lang: Language
    /// With a one-day visit the day of every inspected device is known even when the filler left it out.
    private let onlyDay: String?

    init(_ device: RecordDevice, number: Int, lang: Language, onlyDay: String?) {
        self.device = device
        self.number = number
        self.lang = lang
        self.onlyDay = onlyDay
    }

    func child(_ name: ListName) -> Any? {
        let d = device
        switch name {
        case .number: return "\(number)"
        case .id: return d.id
        case .name: return d.name
        case .location: return d.location ?? ""
        case .kind: return d.kind?.title.text(lang) ?? ""
        case .profile: return d.profile
        case .endpoint: return d.endpoint
        case .state: return d.state.title.text(lang)
        case .stateId: return d.state.rawValue
        case .offline: return d.state == .unreachable
        case .notInspected: return d.state == .notInspected
        case .inspectedOn: return (d.inspectedOn ?? (d.state == .notInspected ? nil : onlyDay)) ?? ""
        case .note: return d.note?.text(lang) ?? ""
        case .hasNote: return !(d.note?.text(lang) ?? "").isEmpty
        case .reason: return d.reason ?? ""
        case .hasReason: return d.reason != nil
        default: return nil
        }
    }
}
