import Foundation

/// Units as symbols (%, °C, V, GB), whatever words a device or profile used for them.
enum UnitSymbol {
    private static let words: [String: String] = [
        "percent": "%", "pct": "%", "%": "%",
        "celsius": "°C", "degc": "°C", "℃": "°C", "°c": "°C", "c": "°C",
        "volt": "V", "volts": "V", "v": "V", "vdc": "V", "vac": "V",
        "amp": "A", "amps": "A", "a": "A",
        "watt": "W", "watts": "W", "w": "W",
        "gb": "GB", "mb": "MB", "kb": "KB", "tb": "TB", "b": "B",
        "s": "s", "sec": "s", "seconds": "s", "ms": "ms", "min": "min", "minutes": "min", "h": "h", "hours": "h",
        "°": "°", "deg": "°", "degrees": "°",
    ]

    /// The symbol of a unit name ("PERCENT" → "%"); unknown names stay as written.
    static func symbol(_ unit: String?) -> String? {
        guard let unit = unit?.trimmingBlanks, !unit.isEmpty else { return nil }
        return words[unit.lowercased()] ?? unit
    }

    /// The unit written after a number in a device's text ("27 PERCENT" → "%"), if it is one we know.
    static func suffix(of text: String) -> String? {
        let rest = text.drop { $0 == " " || $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
            .trimmingBlanks
        return words[rest.lowercased()]
    }
}
