import Testing
@testable import CheckupCore

/// Each evidence phrase is written once: the probes fill the English, a zh record words the
/// same line in Chinese around the untouched wire data.
struct EvidencePhraseTests {
    @Test func aPelcoReplyIsWordedAroundItsFrames() {
        let line = EvidencePhrase.reply.text(EvidencePhrase.query.text("pan"), "FF 01 00 51 00 00 52", "FF 01 00 59 00 00 5A", "58.8")
        #expect(line == "query pan: FF 01 00 51 00 00 52 → FF 01 00 59 00 00 5A in 58.8 ms")
        #expect(EvidencePhrase.chinese(line) == "查询 水平位置：FF 01 00 51 00 00 52 → FF 01 00 59 00 00 5A，58.8 ms")
    }

    @Test func aSilentDecodersTranscriptReadsInChinese() {
        let label = EvidencePhrase.query.text("pan")
        let sent = "\(EvidencePhrase.direction(.sent).english): " + EvidencePhrase.labelled.text(label, "FF 02 00 51 00 00 53")
        let note = "\(EvidencePhrase.direction(.note).english): " + EvidencePhrase.noReplyAfter.text(label, "559.8")
        #expect(sent == "sent: query pan: FF 02 00 51 00 00 53")
        #expect(EvidencePhrase.chinese(sent) == "发送：查询 水平位置：FF 02 00 51 00 00 53")
        #expect(EvidencePhrase.chinese(note) == "说明：查询 水平位置：559.8 ms 后仍无应答")
        #expect(EvidencePhrase.chinese(EvidencePhrase.noReplyIn.text(label, "FF 02 00 51 00 00 53", "559.8"))
                == "查询 水平位置：FF 02 00 51 00 00 53 → 559.8 ms 内无应答")
        #expect(EvidencePhrase.chinese(EvidencePhrase.replyTime.text(label)) == "查询 水平位置：请求 → 应答")
    }

    @Test func tablesCountRowsAndColumnsInChinese() {
        let shape = EvidencePhrase.snmpTable.text("1.3.6.1.4.1.50001.1.241.1", "2", "4")
        #expect(shape == "1.3.6.1.4.1.50001.1.241.1: 2 rows × 4 columns")
        #expect(EvidencePhrase.chinese(shape) == "1.3.6.1.4.1.50001.1.241.1：2 行 × 4 列")
        #expect(EvidencePhrase.chinese(EvidencePhrase.snmpWalkCut.text(shape, "10000"))
                == "1.3.6.1.4.1.50001.1.241.1：2 行 × 4 列（读取到 10000 个对象的上限即停止：表中可能还有更多行）")
        #expect(EvidencePhrase.chinese(EvidencePhrase.modbusRows.text("FC03 0x0010 ×16", "16")) == "FC03 0x0010 ×16 → 16 行")
    }

    @Test func whatTheDeviceSaidIsNeverReworded() {
        for line in ["1.3.6.1.2.1.1.1.0 = STRING \"Linux: kernel 4.9\"", "FC03 0x0001 ×1 → 0x0040",
                     "camera: stop", "lobby: FF 01 → FF 02 in 3 ms"] {
            #expect(EvidencePhrase.chinese(line) == line)
        }
    }
}

extension EvidencePhraseTests {
    @Test func anOfflineSNMPAgentsTranscriptReadsInChinese() {
        let timeout = EvidencePhrase.snmpTimeout.text("127.0.0.1:40999", EvidencePhrase.snmpRequest.text("GET", "6"), "300")
        #expect(timeout.hasPrefix("no reply from 127.0.0.1:40999 to GET of 6 objects after 300 ms (host down"))
        #expect(EvidencePhrase.chinese("note: " + timeout).hasPrefix("说明：127.0.0.1:40999 在 300 ms 内未应答 GET（6 个对象）（主机未开机"))
        #expect(EvidencePhrase.chinese("note: " + EvidencePhrase.snmpOpen.text("SNMP v2c 127.0.0.1:40999")) == "说明：打开会话 SNMP v2c 127.0.0.1:40999")
        #expect(EvidencePhrase.chinese("sent: " + EvidencePhrase.diagnosticSent.text("GET", "30 81 81 02")) == "发送：诊断 GET（独立套接字）：30 81 81 02")
        #expect(EvidencePhrase.chinese("note: " + EvidencePhrase.diagnosticRefused.text()) == "说明：诊断：主机拒收该数据报（端口不可达）")
        #expect(EvidencePhrase.chinese("note: " + EvidencePhrase.diagnosticHostUnreachable.text()) == "说明：诊断：网络回报主机不可达")
        #expect(EvidencePhrase.chinese("note: " + EvidencePhrase.diagnosticSilent.text("300")) == "说明：诊断：300 ms 内无应答")
        let request = EvidencePhrase.snmpRequest.text("GET", "6")
        #expect(EvidencePhrase.chinese("note: " + EvidencePhrase.snmpPortUnreachable.text("127.0.0.1:40999", request))
                == "说明：127.0.0.1:40999 拒收 GET（6 个对象）：端口不可达，该端口无 SNMP 服务（端口不对，或代理未运行）")
        #expect(EvidencePhrase.chinese("note: " + EvidencePhrase.snmpHostUnreachable.text("10.0.0.9:161", request))
                == "说明：10.0.0.9:161 无法到达，GET（6 个对象） 未送达：网络回报主机不可达（设备未开机，或不在此网络）")
        #expect(EvidencePhrase.chinese("received: " + EvidencePhrase.diagnosticReply.text("12", "30 0A")) == "接收：诊断应答，12 字节：30 0A")
    }
}

extension EvidencePhraseTests {
    @Test func aModbusConnectionNamesTheClientsAddressNotOurURL() {
        #expect(EvidencePhrase.chinese("note: " + EvidencePhrase.modbusConnect.text("modbus-tcp://10.0.0.5:502?unit=1")) == "说明：连接 10.0.0.5:502，从站 1")
        #expect(EvidencePhrase.chinese("note: " + EvidencePhrase.modbusConnect.text("modbus-rtu:///dev/ttyUSB0?unit=3")) == "说明：连接 串口，从站 3")
    }
}

extension EvidencePhraseTests {
    /// The matcher takes each slot as short as lets the rest of the line match, and a slot
    /// never spans a line break: a device's multi-line text stays as the device wrote it.
    @Test func slotsAreTheShortestThatLetTheLineMatch() {
        // `{label}: {sent} → {reply} in {ms} ms`: the label stops at its first ": ", the reply at the first " in ".
        #expect(EvidencePhrase.chinese("query pan: A: B → C in D in 5 ms") == "查询 水平位置：A: B → C，D in 5 ms")
        #expect(EvidencePhrase.chinese("query pan: FF\n01 → 02 in 5 ms") == "query pan: FF\n01 → 02 in 5 ms")
        #expect(EvidencePhrase.chinese("query : FF → 02 in 5 ms") == "query : FF → 02 in 5 ms")  // an empty point is no label
        #expect(EvidencePhrase.chinese("stop: FF 01") == "停止：FF 01")
        #expect(EvidencePhrase.chinese("stop: ") == "stop: ")  // nothing after the label: no frame
    }
}
