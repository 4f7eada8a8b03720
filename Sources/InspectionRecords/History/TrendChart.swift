import Foundation

/// A small SVG line chart of one reading over the months: printable, no script, no library.
enum TrendChart {
    static func svg(values: [Double?], labels: [String], unit: String?, width: Double = 360, height: Double = 120) -> String {
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return "" }
        let span = high > low ? high - low : max(abs(high), 1)
        let (left, right, top, bottom) = (44.0, 12.0, 10.0, 22.0)
        let step = values.count > 1 ? (width - left - right) / Double(values.count - 1) : 0
        func x(_ i: Int) -> Double { left + Double(i) * step }
        func y(_ v: Double) -> Double { top + (1 - (v - (high > low ? low : low - span / 2)) / span) * (height - top - bottom) }
        let points = values.enumerated().compactMap { i, v in v.map { String(format: "%.1f,%.1f", x(i), y($0)) } }
        let unitText = unit.map { " \($0)" } ?? ""
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" class=\"trend\">"
        svg += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - right)\" y2=\"\(height - bottom)\" stroke=\"#888\" stroke-width=\"0.5\"/>"
        svg += "<text x=\"\(left - 4)\" y=\"\(y(high) + 3)\" font-size=\"8\" text-anchor=\"end\">\(RecordPhrases.number(high))\(escape(unitText))</text>"
        svg += "<text x=\"\(left - 4)\" y=\"\(y(low) + 3)\" font-size=\"8\" text-anchor=\"end\">\(RecordPhrases.number(low))\(escape(unitText))</text>"
        svg += "<polyline fill=\"none\" stroke=\"#000\" stroke-width=\"1.2\" points=\"\(points.joined(separator: " "))\"/>"
        for (i, v) in values.enumerated() {
            if let v { svg += "<circle cx=\(quote(x(i))) cy=\(quote(y(v))) r=\"2\"/>" }
            svg += "<text x=\(quote(x(i))) y=\"\(height - 8)\" font-size=\"8\" text-anchor=\"middle\">\(escape(labels[i]))</text>"
        }
        return svg + "</svg>"
    }

    private static func quote(_ v: Double) -> String { String(format: "\"%.1f\"", v) }

    private static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
