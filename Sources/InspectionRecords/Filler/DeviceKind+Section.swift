package import CheckupCore

extension DeviceKind {
    /// Where a device's rows go when its results carry no record mapping.
    package var defaultSection: RecordSection {
        switch self {
        case .detector, .camera, .ptzDecoder: .frontEnd
        case .alarmHost, .recorder, .matrix, .monitor, .power: .centralControl
        }
    }
}
