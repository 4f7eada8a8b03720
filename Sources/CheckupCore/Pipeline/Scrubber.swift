import Foundation

/// The last line of defence for secrets: replaces every credential value that a device echoed
/// or a library put into a message with `***`, wherever text leaves checkup — readings,
/// results, exchanges, reports, captures, records. Probes never put a secret there on purpose;
/// this makes sure nothing else can. One type for every module, so the rules cannot drift.
package struct Scrubber: Sendable {
    /// Unique, non-empty, longest first (a secret containing another is removed whole).
    package let secrets: [String]

    package init(secrets: [String]) {
        self.secrets = Array(Set(secrets.filter { !$0.isEmpty && $0 != "***" })).sorted { $0.count > $1.count }
    }

    /// The secrets of one device: its credentials and a community written in its URL.
    package init(_ credentials: Credentials, endpoint: Endpoint? = nil) {
        self.init(secrets: credentials.secretValues + [endpoint?.community?.reveal()].compactMap { $0 })
    }

    /// The communities written in a site's endpoint URLs, plus `extra` values.
    package init(site: Site?, extra: [String] = []) {
        self.init(secrets: (site?.devices.compactMap { $0.endpoint.community?.reveal() } ?? []) + extra)
    }

    package var isEmpty: Bool { secrets.isEmpty }

    package func scrub(_ text: String) -> String {
        // A byte search first: nearly every text holds no secret, and replacing goes through NSString.
        secrets.reduce(text) { text, secret in
            Self.contains(text, secret) ? text.replacingOccurrences(of: secret, with: "***") : text
        }
    }

    /// A search over the UTF-8 bytes (a secret is valid UTF-8, so a match starts on a character).
    private static func contains(_ text: String, _ secret: String) -> Bool {
        var text = text, secret = secret
        return text.withUTF8 { t in
            secret.withUTF8 { s in
                guard let first = s.first, t.count >= s.count else { return false }
                for i in 0...(t.count - s.count) where t[i] == first {
                    if memcmp(t.baseAddress! + i, s.baseAddress!, s.count) == 0 { return true }
                }
                return false
            }
        }
    }

    package func callAsFunction(_ text: String) -> String { scrub(text) }

    package func scrub(_ value: Value) -> Value {
        guard !isEmpty else { return value }
        switch value {
        case .text(let t): return .text(scrub(t))
        case .error(let why): return .error(scrub(why))
        case .absent(let why): return .absent(scrub(why))
        case .oid(let o): return .oid(scrub(o))
        case .table(let rows):
            return .table(rows.map { TableRow(index: scrub($0.index), cells: $0.cells.mapValues(scrub)) })
        case .bytes(let bytes):
            let text = String(decoding: bytes, as: UTF8.self)
            return scrub(text) == text ? value : .bytes(Array(scrub(text).utf8))
        case .integer, .unsigned, .number, .bool, .date: return value
        }
    }

    package func scrub(_ reading: Reading) -> Reading {
        var r = reading
        r.value = scrub(reading.value)
        r.evidence = reading.evidence.map(scrub)
        return r
    }

    package func scrub(_ readings: Readings) -> Readings {
        guard !isEmpty else { return readings }
        return Readings(values: readings.values.mapValues(scrub), unreachable: readings.unreachable.map(scrub),
                        exchanges: readings.exchanges.map(scrub), wire: scrub(readings.wire))
    }

    /// Device-given text in a wire log: SNMP values (a community echoed in sysContact…) and errors.
    package func scrub(_ wire: WireLog) -> WireLog {
        guard !isEmpty else { return wire }
        var w = wire
        w.snmpObjects = wire.snmpObjects.map { object in
            var o = object
            o.value = object.value.map(scrub)
            if object.encoding == "hex", let text = object.value.flatMap(Self.hexText), scrub(text) != text {
                o.value = scrub(text)
                o.encoding = nil
            }
            return o
        }
        w.modbusBlocks = wire.modbusBlocks.map { block in
            var b = block
            b.error = block.error.map(scrub)
            return b
        }
        return w
    }

    /// Hex bytes as UTF-8 text, to find a secret inside a hex-encoded value.
    private static func hexText(_ hex: String) -> String? {
        let bytes = hex.split(separator: " ").compactMap { UInt8($0, radix: 16) }
        return String(validating: bytes, as: UTF8.self)
    }

    package func scrub(_ exchange: Exchange) -> Exchange {
        var e = exchange
        e.text = scrub(exchange.text)
        return e
    }

    package func scrub(_ result: CheckResult) -> CheckResult {
        guard !isEmpty else { return result }
        var r = result
        r.observed = scrub(r.observed)
        r.expected = scrub(r.expected)
        r.evidence = r.evidence.map(scrub)
        r.note = r.note.map(scrub)
        r.offending = r.offending.map(scrub)
        r.finding = r.finding.map(scrub)
        r.expectation = r.expectation.map(scrub)
        return r
    }

    /// Both languages of a text.
    package func scrub(_ text: LocalizedText) -> LocalizedText {
        LocalizedText(zh: scrub(text.zh), en: scrub(text.en))
    }

    /// The profile's words inside an expectation, scrubbed as its English line is
    /// (a profile literal that happens to equal a community must not print it).
    package func scrub(_ expectation: Expectation) -> Expectation {
        guard !isEmpty else { return expectation }
        let both: (LocalizedText) -> LocalizedText = scrub
        switch expectation {
        case .equals(let v): return .equals(both(v))
        case .notEquals(let v): return .notEquals(both(v))
        case .oneOf(let list): return .oneOf(list.map(both))
        case .matches(let pattern): return .matches(pattern: scrub(pattern))
        case .state(let names): return .state(anyOf: names.map(both))
        case .noFlags(let names): return .noFlags(of: names.map(both))
        case .all(let parts): return .all(parts.map(scrub))
        case .rows(let rows, let noun, let column, let cell):
            return .rows(rows, noun: noun.map(both), column: column.map(scrub), cell: cell.map(scrub))
        case .instruction(let text): return .instruction(both(text))
        case .within, .thresholds, .bitField, .clock, .answers: return expectation
        }
    }

    /// Device-given text inside a finding (a model string, a row's name).
    package func scrub(_ finding: Finding) -> Finding {
        let both: (LocalizedText) -> LocalizedText = scrub
        switch finding {
        case .text(let value): return .text(value: scrub(value))
        case .rows(let total, let noun, let offending):
            return .rows(total: total, noun: noun,
                         offending: offending.map { RowFinding(label: both($0.label), state: $0.state.map(both)) })
        default: return finding
        }
    }

    package func scrub(_ outcome: DeviceOutcome) -> DeviceOutcome {
        guard !isEmpty else { return outcome }
        var d = outcome
        d.endpoint = scrub(d.endpoint)
        d.unreachable = d.unreachable.map(scrub)
        d.exchanges = d.exchanges.map(scrub)
        return d
    }

    package func scrub(_ report: RunReport) -> RunReport {
        guard !isEmpty else { return report }
        var r = report
        r.results = r.results.map(scrub)
        r.devices = r.devices.map(scrub)
        return r
    }
}
