import CheckupCore
import Testing

struct EndpointTests {
    @Test func modbusTCPDefaults() throws {
        let e = try Endpoint(parsing: "modbus-tcp://10.0.0.5")
        #expect(e.host == "10.0.0.5")
        #expect(e.port == 502)
        #expect(e.int("unit") == 1)
        #expect(e.busKey == "tcp:10.0.0.5:502")
    }

    @Test func serialSchemes() throws {
        let rtu = try Endpoint(parsing: "modbus-rtu:///dev/ttyUSB0?baud=19200&parity=E&unit=7")
        #expect(rtu.path == "/dev/ttyUSB0")
        #expect(rtu.query["parity"] == "E")
        #expect(rtu.busKey == "serial:/dev/ttyUSB0")
        let d = try Endpoint(parsing: "pelco-d:///dev/ttyS0?address=5")
        #expect(d.query["baud"] == "2400")
        #expect(d.int("address") == 5)
        let p = try Endpoint(parsing: "pelco-p:///dev/ttyS0")
        #expect(p.query["baud"] == "4800")
    }

    @Test func snmpCommunityIsASecret() throws {
        let e = try Endpoint(parsing: "snmp://s3cr3t@10.0.0.20:1161?version=1")
        #expect(e.community?.reveal() == "s3cr3t")
        #expect(e.description == "snmp://***@10.0.0.20:1161?version=1")
        #expect(!"\(e)".contains("s3cr3t"))
        #expect(!String(reflecting: e.community!).contains("s3cr3t"))
    }

    @Test func snmpv3() throws {
        let e = try Endpoint(parsing: "snmpv3://monitor@10.0.0.20?level=authPriv&auth=SHA&priv=AES")
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
    ])
    func rejects(_ text: String, _ fragment: String) {
        do {
            _ = try Endpoint(parsing: text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.message.contains(fragment), "\(error.message)")
            #expect(!error.message.contains("pass@"), "secret in: \(error.message)")
        }
    }
}

/// IPv6 literals keep one pair of brackets: in the model none, in the printed URL one.
struct IPv6EndpointTests {
    @Test(arguments: ["snmp://[::1]:161", "snmp://[fe80::1]:1161?version=1", "modbus-tcp://[2001:db8::5]:502?unit=3"])
    func roundTrips(text: String) throws {
        let endpoint = try Endpoint(parsing: text)
        #expect(endpoint.host?.hasPrefix("[") == false, "\(endpoint.host ?? "")")
        #expect(!endpoint.description.contains("[["))
        let again = try Endpoint(parsing: endpoint.description)
        #expect(again == endpoint)
    }

    @Test func theHostIsTheBareAddress() throws {
        #expect(try Endpoint(parsing: "snmp://[::1]:161").host == "::1")
        #expect(try Endpoint(parsing: "snmp://[::1]:161").description == "snmp://[::1]:161?version=2c")
    }
}
