package import CheckupCore
import Foundation

/// Reads PTZ decoders (云台/解码器) on RS-485 over Pelco-D and Pelco-P.
///
/// Passive, always: Pelco-D position queries (pan 0x51, tilt 0x53, zoom 0x55, magnification
/// 0x61, part number 0x45) and the reply time. A decoder that stays silent is `unreachable`
/// after one timeout and skipped for the rest of the run; a corrupted reply is an `error`
/// saying checksum; a reply from another address is an `error` saying so.
/// Active, only for `active: true` points with `--allow-active`: the motion test, the preset
/// recall test, manual commands. Pelco-P has no queries: its points are manual commands.
///
/// One probe value is one run: it owns the open ports (shared by the decoders on each) and
/// the set of dead decoders. See Sources/PelcoProbe/README.md for the point addresses.
package struct PTZDecoderProbe: DeviceProbe {
    package typealias Address = PTZPointAddress
    package static let protocolName = "pelco"
    package static let schemes = [PelcoEndpoint.d, PelcoEndpoint.p]
    package static let addressKeys = PTZPointAddress.Key.allCases.map(\.rawValue)

    /// The ports and dead decoders of this run.
    package let lines: PelcoLines

    package init(lines: PelcoLines = PelcoLines()) {
        self.lines = lines
    }

    package static func validate(_ address: PTZPointAddress) -> String? { address.problem }

    package static func profileSkeleton(vendor: String) -> String { PelcoProfileSkeleton.yaml }

    package func read(_ points: [Point<PTZPointAddress>], from endpoint: Endpoint, context: ProbeContext) async -> Readings {
        let decoder: PelcoEndpoint
        do { decoder = try PelcoEndpoint(endpoint) } catch { return .unreachable("\(endpoint): \(error.message)") }
        let (path, address) = (decoder.path, Int(decoder.address))
        if lines.isDead(path: path, address: address) {
            return .unreachable("decoder \(address) on \(path) did not answer earlier in this run; skipped")
        }
        let line: PelcoLine
        switch await lines.acquire(path: path, settings: decoder.settings, io: context.io) {
        case .success(let l): line = l
        case .failure(let error): return .unreachable(error.description)
        }
        defer { lines.release(line, io: context.io) }

        if decoder.isPelcoP {
            return await readPelcoP(points, line: line, address: decoder.address, context: context)
        }
        return await readPelcoD(points, line: line, address: decoder.address, context: context)
    }

    // MARK: - Pelco-D

    private func readPelcoD(_ points: [Point<PTZPointAddress>], line: PelcoLine, address: UInt8, context: ProbeContext) async -> Readings {
        let session = PelcoDSession(line: line, address: address, context: context)
        var readings = Readings()
        var answers: [PelcoDSession.PositionQuery: (PelcoDSession.Answer, Date)] = [:]

        // Passive queries first, each kind once, in profile order. Reply time rides on the first.
        var wanted: [PelcoDSession.PositionQuery] = []
        for point in points {
            guard case .query(let q) = point.address.kind else { continue }
            let query = Self.positionQuery(q) ?? wanted.first ?? .pan
            if !wanted.contains(query) { wanted.append(query) }
        }
        for query in wanted {
            let at = context.now()
            let answer = await session.ask(query)
            switch answer {
            case .silent where !session.answered:
                lines.markDead(path: line.path, address: Int(address))
                return .unreachable("decoder \(address) on \(line.path) did not answer the \(query.rawValue) query within \(context.timeout)",
                                    exchanges: session.exchanges)
            case .lineFailed(let error):
                return .unreachable(error.description, exchanges: session.exchanges)
            default:
                answers[query] = (answer, at)
            }
        }
        for point in points {
            guard case .query(let q) = point.address.kind else { continue }
            if q == .replyTime {
                if let first = session.firstReply {
                    let ms = Double(first.elapsed.components.seconds) * 1000 + Double(first.elapsed.components.attoseconds) / 1e15
                    readings[point.id] = Reading(.number((ms * 10).rounded() / 10), unit: "ms", at: context.now(),
                                                 duration: first.elapsed, evidence: EvidencePhrase.replyTime.text(first.query))
                } else {
                    readings[point.id] = Reading(.error("no query was answered, so no reply time"), unit: "ms", at: context.now())
                }
                continue
            }
            guard let query = Self.positionQuery(q), let (answer, at) = answers[query] else { continue }
            readings[point.id] = Self.reading(q, answer, at: at, unit: point.unit)
        }

        // Active steps: only with a permission (point active AND --allow-active).
        for point in points where point.address.changesDevice {
            guard let permission = ActivePermission(point, context: context) else {
                readings[point.id] = Reading(.absent(point.active ? "active step not run without --allow-active"
                                                     : "this step moves the head: mark the point active: true"), at: context.now())
                continue
            }
            let active = ActivePelcoD(session: session, permission: permission)
            let started = ContinuousClock.now
            let at = context.now()
            let outcome: ActivePelcoD.Outcome
            switch point.address.kind {
            case .test(.motion): outcome = await active.motionTest(point.address)
            case .test(.preset): outcome = await active.presetTest(point.address)
            case .command(let c): outcome = await active.manualCommand(point.address, c)
            case .query: continue
            }
            readings[point.id] = Reading(outcome.value, unit: point.unit, at: at, duration: ContinuousClock.now - started,
                                         evidence: outcome.evidence)
        }
        readings.exchanges = session.exchanges
        readings.wire.pelcoFrames = session.frames
        return readings
    }

    static func positionQuery(_ q: PTZPointAddress.Query) -> PelcoDSession.PositionQuery? {
        switch q {
        case .pan: return .pan
        case .tilt: return .tilt
        case .zoom: return .zoom
        case .magnification: return .magnification
        case .partNumber: return .partNumber
        case .replyTime: return nil
        }
    }

    static func reading(_ q: PTZPointAddress.Query, _ answer: PelcoDSession.Answer, at: Date, unit: String?) -> Reading {
        switch answer {
        case .reply(let reply, let elapsed, let evidence):
            let value: Value
            var defaultUnit: String?
            switch (q, reply) {
            case (.pan, .extended(_, _, let w)):
                value = PelcoAngles.outOfRange(w, axis: "pan").map(Value.error) ?? .number(PelcoAngles.panDegrees(w)); defaultUnit = "°"
            case (.tilt, .extended(_, _, let w)):
                value = PelcoAngles.outOfRange(w, axis: "tilt").map(Value.error) ?? .number(PelcoAngles.tiltDegrees(w)); defaultUnit = "°"
            case (.zoom, .extended(_, _, let w)): value = .integer(Int64(w))
            case (.magnification, .extended(_, _, let w)): value = .number(Double(w) / 100); defaultUnit = "×"
            case (.partNumber, .partNumber(_, let text)): value = .text(text)
            default: value = .error("unexpected reply to query \(q.rawValue)")
            }
            return Reading(value, unit: unit ?? defaultUnit, at: at, duration: elapsed, evidence: evidence)
        case .silent(let evidence):
            return Reading(.absent("no reply to query \(q.rawValue): the decoder may not support it"), unit: unit, at: at, evidence: evidence)
        case .bad(let why, let evidence):
            return Reading(.error(why), unit: unit, at: at, evidence: evidence)
        case .lineFailed(let error):
            return Reading(.error(error.description), unit: unit, at: at)
        }
    }

    // MARK: - Pelco-P

    private func readPelcoP(_ points: [Point<PTZPointAddress>], line: PelcoLine, address: UInt8, context: ProbeContext) async -> Readings {
        var readings = Readings()
        for point in points {
            switch point.address.kind {
            case .query(let q):
                readings[point.id] = Reading(.absent("Pelco-P has no queries (\(q.rawValue)): use a manual check"), at: context.now())
            case .test(let t):
                readings[point.id] = Reading(.absent("Pelco-P cannot read positions, so no \(t.rawValue) test: use a manual check"), at: context.now())
            case .command(let c):
                guard let permission = ActivePermission(point, context: context) else {
                    readings[point.id] = Reading(.absent(point.active ? "active step not run without --allow-active"
                                                         : "this step moves the head: mark the point active: true"), at: context.now())
                    continue
                }
                var active = ActivePelcoP(line: line, address: address, context: context, permission: permission)
                let at = context.now()
                let outcome = await active.manualCommand(point.address, c)
                readings[point.id] = Reading(outcome.value, unit: point.unit, at: at, evidence: outcome.evidence)
                readings.exchanges += active.exchanges
            }
        }
        return readings
    }
}
