import Testing
@testable import SNMPProbe

/// How a reply's OIDs and octet strings become text: every transcript line and finding goes through these.
struct SNMPTextTests {
    @Test func anObjectIDPrintsAsItsDottedArcs() throws {
        for text in ["1.3.6.1.4.1.39165.1.19.0", "0.0", "1.3.6.1.2.1.1.3.0", "1.3.\(UInt32.max).10.0"] {
            #expect(try #require(SNMPObjectID(text)).description == text)
        }
    }

    @Test func anOctetStringIsTextUnlessItHoldsControlCharacters() {
        #expect(SNMPValue.printableText(Array("DS-2CD2143G0-I".utf8)) == "DS-2CD2143G0-I")
        #expect(SNMPValue.printableText(Array("前门 1\t2\r\n".utf8) + [0, 0]) == "前门 1\t2\r\n")
        #expect(SNMPValue.printableText([0x41, 0x01]) == nil)       // C0
        #expect(SNMPValue.printableText([0x41, 0x7F]) == nil)       // DEL
        #expect(SNMPValue.printableText([0x41, 0xC2, 0x85]) == nil) // C1: U+0085
        #expect(SNMPValue.printableText([0xC2, 0xA0, 0x41]) == "\u{A0}A")  // U+00A0 is not a control
        #expect(SNMPValue.printableText([0xFF, 0x41]) == nil)       // not UTF-8
    }
}
