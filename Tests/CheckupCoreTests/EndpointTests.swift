import CheckupCore
import Foundation
import ModbusProbe
import PelcoProbe
import SNMPProbe
import Testing

/// The built-in probes' schemes, parsed the way an inventory is: through the registry.
let builtInProbes = ProbeRegistry { r in
    r.register(AlarmHostProbe())
    r.register(PTZDecoderProbe())
    r.register(SNMPProbe())
}

extension Endpoint {
    init(url text: String) throws(EndpointError) { self = try builtInProbes.endpoint(parsing: text) }
}

struct EndpointTests {
    @Test func modbusTCPDefaults() throws {
        let e = try Endpoint(url: "modbus-tcp://10.0.0.5")
        #expect(e.host == "10.0.0.5")
        #expect(e.port == 502)
        #expect(e.int("unit") == 1)
        #expect(AlarmHostProbe.busKey(e) == "tcp:10.0.0.5:502")
    }

    @Test func serialSchemes() throws {
        let rtu = try Endpoint(url: "modbus-rtu:///dev/ttyUSB0?baud=19200&parity=E&unit=7")
        #expect(rtu.path == "/dev/ttyUSB0")
        #expect(rtu.query["parity"] == "E")
        #expect(AlarmHostProbe.busKey(rtu) == "serial:/dev/ttyUSB0")
        #expect(SNMPProbe.busKey(try Endpoint(url: "snmp://10.0.0.20")) == nil)
        let d = try Endpoint(url: "pelco-d:///dev/ttyS0?address=5")
        #expect(d.query["baud"] == "2400")
        #expect(d.int("address") == 5)
        let p = try Endpoint(url: "pelco-p:///dev/ttyS0")
        #expect(p.query["baud"] == "4800")
    }

    @Test func snmpCommunityIsASecret() throws {
        let e = try Endpoint(url: "snmp://s3cr3t@10.0.0.20:1161?version=1")
        #expect(e.community?.reveal() == "s3cr3t")
        #expect(e.description == "snmp://***@10.0.0.20:1161?version=1")
        #expect(!"\(e)".contains("s3cr3t"))
        #expect(!String(reflecting: e.community!).contains("s3cr3t"))
    }

    @Test func snmpv3() throws {
        let e = try Endpoint(url: "snmpv3://monitor@10.0.0.20?level=authPriv&auth=SHA&priv=AES")
        #expect(e.user == "monitor")
        #expect(e.community == nil)
        #expect(e.description.contains("monitor@"))
    }

    @Test(arguments: [
        ("10.0.0.5", "not an endpoint URL"),
        ("modbus-tpc://10.0.0.5", "did you mean 'modbus-tcp'?"),
        ("modbus-tcp://10.0.0.5?unti=1", "did you mean 'unit'?"),
        ("modbus-tcp://10.0.0.5?unit=300", "unit=300 must be a whole number in 0…255"),
        ("modbus-rtu://ttyUSB0", "three slashes"),
        ("pelco-d:///dev/ttyS0?baud=2401", "must be one of 1200"),
        ("snmp://10.0.0.20?version=3", "must be one of 1, 2c"),
        ("snmpv3://10.0.0.20", "security name is required"),
        ("snmp://user:pass@10.0.0.20", "passwords do not belong in URLs"),
        ("snmp://", "a host is required"),
        ("modbus-rtu:///dev/ttyUSB0?unit=248", "unit=248 must be a whole number in 1…247"),
        ("modbus-rtu:///dev/ttyUSB0?unit=0", "unit=0 must be a whole number in 1…247"),
        ("modbus-tcp://s3cr3t@10.0.0.5", "a user name has no meaning here"),
        ("modbus-tcp://10.0.0.5:70000", "port 70000 is outside 1…65535"),
        ("pelco-d:///dev/ttyS0?address=0", "address=0 must be a whole number in 1…255"),
        ("pelco-p://ttyS0", "three slashes"),
        ("pelco-p:///dev/ttyS0?adress=1", "did you mean 'address'?"),
        ("snmpv3://u@10.0.0.20?auth=SHA3", "must be one of MD5, SHA"),
        ("snmpv3://u@10.0.0.20?level=authpriv2", "must be one of noAuthNoPriv"),
        ("snmp://s3cr3t@10.0.0.20/x", "unexpected path"),
    ])
    func rejects(_ text: String, _ fragment: String) {
        do {
            _ = try Endpoint(url: text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.message.contains(fragment), "\(error.message)")
            #expect(!error.message.contains("pass@") && !error.message.contains("s3cr3t"), "secret in: \(error.message)")
        }
    }
}

/// IPv6 literals keep one pair of brackets: in the model none, in the printed URL one.
struct IPv6EndpointTests {
    @Test(arguments: ["snmp://[::1]:161", "snmp://[fe80::1]:1161?version=1", "modbus-tcp://[2001:db8::5]:502?unit=3"])
    func roundTrips(text: String) throws {
        let endpoint = try Endpoint(url: text)
        #expect(endpoint.host?.hasPrefix("[") == false, "\(endpoint.host ?? "")")
        #expect(!endpoint.description.contains("[["))
        let again = try Endpoint(url: endpoint.description)
        #expect(again == endpoint)
    }

    @Test func theHostIsTheBareAddress() throws {
        #expect(try Endpoint(url: "snmp://[::1]:161").host == "::1")
        #expect(try Endpoint(url: "snmp://[::1]:161").description == "snmp://[::1]:161?version=2c")
    }
}

/// `trimmingBlanks` is Foundation's `trimmingCharacters(in: .whitespaces)`, without NSString.
@Suite struct BlanksTests {
    @Test func blanksAreTrimmedAsFoundationTrimsWhitespaces() {
        let samples = ["", " ", "\t", "a", " a ", "\t a b \t", "\u{3000}摄像机\u{00A0}", "\n a \n", "a\u{2003}", "\u{200B}x",
                       "  snmp://10.0.0.5:161 ", "é ", " 😀"]
        for text in samples {
            #expect(text.trimmingBlanks == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(text[...].trimmingBlanks == text.trimmingCharacters(in: .whitespaces))
        }
    }
}
