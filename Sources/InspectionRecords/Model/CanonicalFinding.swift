import CheckupCore

/// A finding written member by member, as the generic encoder writes the enum (synthesized
/// `Codable`: `{"case":{labels…}}`, names converted as the writer's options convert them, nil
/// labels left out): findings are mostly unique to their device (a CPU load, a clock skew), so
/// the generic encoder's nodes ran for nearly every row and entry — 20 % of encoding a
/// 10,000-device record. `CanonicalJSONTests` holds every case to the generic bytes.
extension CanonicalObject {
    /// False for a value JSON cannot hold (a NaN quantity): the caller leaves it to the generic encoder.
    mutating func finding(_ name: StaticString, _ finding: Finding?) -> Bool {
        guard let finding else { return true }
        let snake = snakeCaseKeys
        return object(name) { out in
            switch finding {
            case .quantity(let value, let unit):
                return out.object("quantity") { o in o.string("unit", unit); return o.double("value", value) }
            case .state(let name):
                return out.object("state") { o in o.text("name", name); return true }
            case .flags(let raised):
                return out.object("flags") { o in o.texts("raised", raised) }
            case .rows(let total, let noun, let offending):
                return out.object("rows") { o in
                    o.text("noun", noun)
                    guard o.objects("offending", offending, { row, r in r.text("label", row.label); r.text("state", row.state); return true })
                    else { return false }
                    o.int("total", total)
                    return true
                }
            case .count(let matching, let total, let noun):
                return out.object("count") { o in o.int("matching", matching); o.text("noun", noun); o.int("total", total); return true }
            case .clock(let skew):
                return out.object("clock") { o in o.double(snake ? "skew_seconds" : "skewSeconds", skew) }
            case .text(let value):
                return out.object("text") { o in o.string("value", value); return true }
            case .unreachable(let waited):
                return out.object("unreachable") { o in o.double(snake ? "waited_seconds" : "waitedSeconds", waited) }
            case .notSupported:
                return out.object(snake ? "not_supported" : "notSupported") { _ in true }
            case .notRun:
                return out.object(snake ? "not_run" : "notRun") { _ in true }
            case .manual(let instruction):
                return out.object("manual") { o in o.text("instruction", instruction); return true }
            case .unreadable:
                return out.object("unreadable") { _ in true }
            case .notInspected(let reason):
                return out.object(snake ? "not_inspected" : "notInspected") { o in o.text("reason", reason); return true }
            }
        }
    }

    /// `[{"en":…,"zh":…},…]`.
    mutating func texts(_ name: StaticString, _ values: [LocalizedText]) -> Bool {
        objects(name, values) { text, o in o.string("en", text.en); o.string("zh", text.zh); return true }
    }
}
