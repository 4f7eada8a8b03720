import Foundation
import Testing
@testable import InspectionRecords

@Suite struct HashTests {
    @Test func sha256KnownVectors() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func sameContentSameHashWhateverTheVersion() {
        let a = FixtureRun.record(version: 1)
        let b = FixtureRun.record(version: 7)
        #expect(a.contentHash == b.contentHash)
        #expect(a.contentHash.count == 64)
    }

    @Test func differentContentDifferentHash() {
        #expect(FixtureRun.record(variant: 0).contentHash != FixtureRun.record(variant: 1).contentHash)
        var edited = FixtureRun.record()
        edited.sections[1].rows[0].handling = "更换接头"
        edited.seal()
        #expect(edited.contentHash != FixtureRun.record().contentHash)
    }

    @Test func hashSurvivesAJSONRoundTrip() throws {
        let r = FixtureRun.record()
        let data = try RecordCoding.encode(r)
        let back = try RecordCoding.decoder().decode(MonthlyRecord.self, from: data)
        #expect(back == r)
        #expect(back.contentHash == r.contentHash)
    }
}

/// The document written part by part is byte for byte what encoding the whole record gives.
@Suite struct RecordDocumentTests {
    static func records() -> [MonthlyRecord] {
        var edited = FixtureRun.record(variant: 1)
        edited.editedBy = "王芳"
        edited.signature = ClientSignature(signedBy: "李主任", signedOn: "2026-11-30")
        edited.seal()
        // Large enough for the arrays to be encoded in several chunks (RecordDocument.array).
        var large = FixtureRun.record()
        large.devices = Array(repeating: large.devices, count: 1_100 / max(1, large.devices.count) + 1).flatMap { $0 }
        large.evidence = Array(repeating: large.evidence, count: 1_100 / max(1, large.evidence.count) + 1).flatMap { $0 }
        large.sections[0].rows = Array(repeating: large.sections[0].rows, count: 1_100 / max(1, large.sections[0].rows.count) + 1).flatMap { $0 }
        large.seal()
        return [FixtureRun.record(), edited, FixtureRun.record(version: 3), large]
    }

    @Test(arguments: records())
    func hashedPartsAreTheWholeEncoding(_ record: MonthlyRecord) {
        let whole = RecordCoding.canonicalData(HashedContent(record))
        #expect(RecordDocument(record).hashedBytes == whole)
        #expect(RecordDocument(record).contentHash == SHA256.hex(whole), "the hash fed part by part is the hash of the whole")
    }

    @Test(arguments: records())
    func storedDocumentIsTheWholeEncoding(_ record: MonthlyRecord) throws {
        var sealed = record
        let document = sealed.seal()
        #expect(document.text == String(decoding: RecordCoding.canonicalData(sealed), as: UTF8.self))
        #expect(document.count == document.text.utf8.count)
        #expect(try RecordCoding.decoder().decode(MonthlyRecord.self, from: Data(document.text.utf8)) == sealed)
    }
}
