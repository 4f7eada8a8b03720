import CheckupCore
import DeviceSimulators
import Foundation
import PelcoProbe
import Testing

@Suite(.serialized)
struct ProbeTests {
    @Test func readsPanTiltZoomFromASimulatedDecoder() async throws {
        let h = try SimulatorHarness(decoders: [SimulatedDecoder(address: 5, position: HeadPosition(pan: 123.45, tilt: -3.5, zoom: 1000))])
        let r = try await h.read(5, SimulatorHarness.positionPoints)
        #expect(r.unreachable == nil)
        #expect(r["pan"]?.value == .number(123.45))
        #expect(r["tilt"]?.value == .number(-3.5))
        #expect(r["zoom"]?.value == .integer(1000))
        let replyTime = try #require(r["reply-time"]?.value.numeric)
        #expect(replyTime > 0)
        #expect(r["pan"]?.evidence?.contains("FF 05 00 51 00 00 56") == true)
        #expect(h.simulator.snapshot(5)?.queriesReceived == 3)
        await h.stop()
    }

    @Test func wrongAddressIsUnreachable() async throws {
        let h = try SimulatorHarness(decoders: [SimulatedDecoder(address: 5)])
        let r = try await h.read(6, SimulatorHarness.positionPoints)
        #expect(r.unreachable?.contains("did not answer") == true)
        #expect(r.values.isEmpty)
        await h.stop()
    }

    @Test func corruptedChecksumsAreAnErrorSayingChecksum() async throws {
        let h = try SimulatorHarness(decoders: [SimulatedDecoder(address: 5, badChecksum: true)])
        let r = try await h.read(5, [SimulatorHarness.query("pan", .pan)])
        #expect(r.unreachable == nil)
        guard case .error(let why) = r["pan"]?.value else {
            Issue.record("expected an error, got \(String(describing: r["pan"]?.value))"); await h.stop(); return
        }
        #expect(why.contains("checksum mismatch"))
        await h.stop()
    }

    @Test func replyFromAnotherAddressIsReportedAsSuch() async throws {
        let h = try SimulatorHarness(decoders: [SimulatedDecoder(address: 5, replyAddress: 9)])
        let r = try await h.read(5, [SimulatorHarness.query("pan", .pan)])
        guard case .error(let why) = r["pan"]?.value else {
            Issue.record("expected an error, got \(String(describing: r["pan"]?.value))"); await h.stop(); return
        }
        #expect(why.contains("reply from address 9, expected 5"))
        await h.stop()
    }

    @Test func aDeadDecoderCostsOneTimeoutAndLeavesTheOtherIntact() async throws {
        let h = try SimulatorHarness(decoders: [SimulatedDecoder(address: 1, position: HeadPosition(pan: 10, tilt: 20, zoom: 30)),
                                                SimulatedDecoder(address: 2, silent: true)])
        let dead = try await h.read(2, SimulatorHarness.positionPoints)
        #expect(dead.unreachable != nil)
        #expect(dead.exchanges.filter { $0.direction == .sent }.count == 1, "one query, one timeout")
        let live = try await h.read(1, SimulatorHarness.positionPoints)
        #expect(live.unreachable == nil)
        #expect(live["pan"]?.value == .number(10))
        #expect(live["tilt"]?.value == .number(20))
        #expect(live["zoom"]?.value == .integer(30))
        let again = try await h.read(2, SimulatorHarness.positionPoints)
        #expect(again.unreachable?.contains("skipped") == true)
        #expect(again.exchanges.isEmpty, "a dead decoder is not asked again in the same run")
        await h.stop()
    }

    @Test func concurrentReadsOfDecodersOnOneLineShareIt() async throws {
        let decoders = (1...4).map { SimulatedDecoder(address: UInt8($0), position: HeadPosition(pan: Double($0) * 10)) }
        let h = try SimulatorHarness(decoders: decoders)
        let results = try await withThrowingTaskGroup(of: (Int, Readings).self) { group in
            for a in 1...4 { group.addTask { (a, try await h.read(a, [SimulatorHarness.query("pan", .pan)])) } }
            var all: [Int: Readings] = [:]
            for try await (a, r) in group { all[a] = r }
            return all
        }
        for a in 1...4 { #expect(results[a]?["pan"]?.value == .number(Double(a) * 10)) }
        await h.stop()
    }

    @Test func passiveReadSendsNothingThatMoves() async throws {
        let h = try SimulatorHarness(decoders: [SimulatedDecoder(address: 3)])
        let motion = Point(id: "motion", address: PTZPointAddress(kind: .test(.motion)), active: true)
        let preset = Point(id: "preset", address: PTZPointAddress(kind: .test(.preset), preset: 1), active: true)
        let command = Point(id: "cmd", address: PTZPointAddress(kind: .command(.panLeft)), active: false)
        let r = try await h.read(3, SimulatorHarness.positionPoints + [motion, preset, command], allowActive: false)
        #expect(r["motion"]?.value.isAbsent == true)
        #expect(r["preset"]?.value.isAbsent == true)
        let withFlag = try await h.read(3, [command], allowActive: true)
        #expect(withFlag["cmd"]?.value.isAbsent == true, "a point not marked active never moves the head")
        let snap = try #require(h.simulator.snapshot(3))
        #expect(snap.movementCommandsReceived == 0)
        #expect(snap.framesReceived == snap.queriesReceived)
        await h.stop()
    }

    @Test func motionTestMovesTheHeadAndReturnsIt() async throws {
        let h = try SimulatorHarness(decoders: [SimulatedDecoder(address: 4, position: HeadPosition(pan: 200, tilt: 15))])
        let motion = Point(id: "motion", address: PTZPointAddress(kind: .test(.motion), step: 5), active: true)
        let r = try await h.read(4, [motion], allowActive: true)
        #expect(r["motion"]?.value == .text("ok"), "\(String(describing: r["motion"]))")
        #expect(r["motion"]?.evidence?.contains("pan 200.00° → 205.00°") == true)
        let snap = try #require(h.simulator.snapshot(4))
        #expect(snap.movementCommandsReceived == 2, "one step out, one back")
        #expect(abs(snap.position.pan - 200) < 0.01)
        await h.stop()
    }

    @Test func motionTestCatchesAHeadThatDoesNotMove() async throws {
        let h = try SimulatorHarness(decoders: [SimulatedDecoder(address: 4, position: HeadPosition(pan: 100), panLimits: 0...100)])
        let motion = Point(id: "motion", address: PTZPointAddress(kind: .test(.motion), step: 5, settle: 1), active: true)
        let r = try await h.read(4, [motion], allowActive: true)
        #expect(r["motion"]?.value.text.contains("did not move") == true, "\(String(describing: r["motion"]))")
        await h.stop()
    }

    @Test func presetTestLandsWhereTheProfileSaysAndReturns() async throws {
        let h = try SimulatorHarness(decoders: [SimulatedDecoder(address: 7, position: HeadPosition(pan: 80, tilt: 5),
                                                                 presets: [1: HeadPosition(pan: 90, tilt: 10), 2: HeadPosition(pan: 95, tilt: 30)])])
        let good = Point(id: "p1", address: PTZPointAddress(kind: .test(.preset), preset: 1, pan: 90, tilt: 10), active: true)
        let wrong = Point(id: "p2", address: PTZPointAddress(kind: .test(.preset), preset: 2, pan: 90, tilt: 10), active: true)
        let r = try await h.read(7, [good, wrong], allowActive: true)
        #expect(r["p1"]?.value == .text("ok"), "\(String(describing: r["p1"]))")
        #expect(r["p2"]?.value.text.contains("preset 2 landed at pan 95.00° instead of 90.00°") == true, "\(String(describing: r["p2"]))")
        let snap = try #require(h.simulator.snapshot(7))
        #expect(abs(snap.position.pan - 80) < 0.01 && abs(snap.position.tilt - 5) < 0.01)
        await h.stop()
    }

    @Test func pelcoPCommandsAreSentOnlyWhenAllowed() async throws {
        let h = try SimulatorHarness(.p, baud: 4800, decoders: [SimulatedDecoder(address: 1, position: HeadPosition(pan: 0),
                                                                                presets: [1: HeadPosition(pan: 45, tilt: 0)])])
        let send = Point(id: "preset-1", address: PTZPointAddress(kind: .command(.goToPreset), preset: 1), active: true)
        let pan = SimulatorHarness.query("pan", .pan)
        let refused = try await h.read(1, [send, pan], allowActive: false, scheme: "pelco-p")
        #expect(refused["preset-1"]?.value.isAbsent == true)
        #expect(refused["pan"]?.value.isAbsent == true, "Pelco-P has no queries")
        try await Task.sleep(for: .milliseconds(100))
        #expect(h.simulator.snapshot(1)?.framesReceived == 0)
        let sent = try await h.read(1, [send], allowActive: true, scheme: "pelco-p")
        #expect(sent["preset-1"]?.value == .text("command sent, confirm on site"))
        try await Task.sleep(for: .milliseconds(1500))
        let snap = try #require(h.simulator.snapshot(1))
        #expect(snap.movementCommandsReceived == 1)
        #expect(abs(snap.position.pan - 45) < 0.01)
        await h.stop()
    }

    @Test func partNumberAndMagnification() async throws {
        let h = try SimulatorHarness(decoders: [SimulatedDecoder(address: 2, position: HeadPosition(zoom: 65535), partNumber: "DD53CBW")])
        let r = try await h.read(2, [SimulatorHarness.query("part", .partNumber), SimulatorHarness.query("mag", .magnification)])
        #expect(r["part"]?.value == .text("DD53CBW"))
        #expect(r["mag"]?.value == .number(30))
        await h.stop()
    }

    @Test func missingPortIsUnreachableWithTheReason() async throws {
        let probe = PTZDecoderProbe()
        let r = await probe.read([SimulatorHarness.query("pan", .pan)],
                                 from: try PTZDecoderProbe.endpoint(parsing: "pelco-d:///dev/does-not-exist?address=1"), context: ProbeContext())
        #expect(r.unreachable?.contains("no such serial device") == true)
    }
}

@Suite(.serialized)
struct ExclusiveLineTests {
    @Test func twoRunsNeverShareAPort() async throws {
        let h = try SimulatorHarness(decoders: [SimulatedDecoder(address: 1, position: HeadPosition(pan: 7))])
        let otherRun = PTZDecoderProbe(lines: PelcoLines(linger: .seconds(5)))
        let context = ProbeContext(timeout: .seconds(1))
        let mine = await otherRun.read([SimulatorHarness.query("pan", .pan)], from: try h.endpoint(1), context: context)
        #expect(mine["pan"]?.value == .number(7))
        // The first run still holds the port (lingering for its next decoder): a second run is refused.
        let refused = try await h.read(1, [SimulatorHarness.query("pan", .pan)])
        #expect(refused.unreachable?.contains("port busy") == true, "\(String(describing: refused.unreachable))")
        await otherRun.lines.closeIdle()
        let after = try await h.read(1, [SimulatorHarness.query("pan", .pan)])
        #expect(after["pan"]?.value == .number(7))
        await h.stop()
    }

    @Test func decodersOnOneLineShareOneOpenPort() async throws {
        let h = try SimulatorHarness(decoders: [SimulatedDecoder(address: 1), SimulatedDecoder(address: 2)])
        let a = try await h.read(1, [SimulatorHarness.query("pan", .pan)])
        let b = try await h.read(2, [SimulatorHarness.query("pan", .pan)])
        #expect(a.unreachable == nil && b.unreachable == nil, "the second decoder reuses the first one's open port instead of fighting its lock")
        await h.stop()
    }
}

@Suite(.serialized)
struct PresetRepeatabilityTests {
    @Test func aPresetThatDriftsIsCaughtWithoutAnExpectedPosition() async throws {
        let h = try SimulatorHarness(decoders: [
            SimulatedDecoder(address: 1, position: HeadPosition(pan: 10), presets: [1: HeadPosition(pan: 40, tilt: 5)]),
            SimulatedDecoder(address: 2, position: HeadPosition(pan: 10), presets: [1: HeadPosition(pan: 40, tilt: 5)], presetDrift: 3),
        ])
        let recall = Point(id: "preset", address: PTZPointAddress(kind: .test(.preset), preset: 1), active: true)
        let steady = try await h.read(1, [recall], allowActive: true)
        #expect(steady["preset"]?.value == .text("ok"), "\(String(describing: steady["preset"]))")
        let slipping = try await h.read(2, [recall], allowActive: true)
        #expect(slipping["preset"]?.value.text.contains("not repeatable") == true, "\(String(describing: slipping["preset"]))")
        #expect(abs((h.simulator.snapshot(2)?.position.pan ?? 0) - 10) < 0.01, "returned to where it was")
        await h.stop()
    }

    /// A preset never set: the decoder ignores the recall. Without moving away first, the head
    /// "landed" where it already was — twice, or exactly where the profile expected it.
    @Test func aPresetThatWasNeverSetFails() async throws {
        let h = try SimulatorHarness(decoders: [
            SimulatedDecoder(address: 1, position: HeadPosition(pan: 10, tilt: 5)),
            SimulatedDecoder(address: 2, position: HeadPosition(pan: 90, tilt: 10)),
        ])
        let recall = Point(id: "preset", address: PTZPointAddress(kind: .test(.preset), preset: 9, settle: 2), active: true)
        let unexpected = try await h.read(1, [recall], allowActive: true)
        #expect(unexpected["preset"]?.value.text.contains("did not move on recalling preset 9") == true, "\(String(describing: unexpected["preset"]))")
        let alreadyThere = Point(id: "preset", address: PTZPointAddress(kind: .test(.preset), preset: 9, pan: 90, tilt: 10, settle: 2), active: true)
        let expected = try await h.read(2, [alreadyThere], allowActive: true)
        #expect(expected["preset"]?.value.text.contains("did not move on recalling preset 9") == true, "\(String(describing: expected["preset"]))")
        let one = try #require(h.simulator.snapshot(1)), two = try #require(h.simulator.snapshot(2))
        #expect(abs(one.position.pan - 10) < 0.01 && abs(one.position.tilt - 5) < 0.01, "returned to where it was")
        #expect(abs(two.position.pan - 90) < 0.01 && abs(two.position.tilt - 10) < 0.01, "returned to where it was")
        await h.stop()
    }
}
