import CheckupCore
import CheckupTestKit
import Foundation
import Testing

/// The catalog parses a profile when it is asked for, and a broken file never hides a good one.
struct ProfileCatalogTests {
    static let registry = ProbeRegistry.with(ScriptedProbe(devices: [:]))
    static let good = """
        schema: 1
        id: panel
        protocol: scripted
        title: {en: Panel, zh: 报警主机}
        record: {section: central-control, item: Test}
        points:
          mains: {key: mains}
        checks:
          - {id: mains, title: Mains, point: mains, equals: 1}
        """

    static func directory(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir.path
    }

    @Test func aBrokenFileNotAskedForDoesNotStopTheOthers() throws {
        let dir = try Self.directory(["broken.yaml": "schema: 1\nid: broken\nprotocol: [\n"])
        let catalog = ProfileCatalog(registry: Self.registry, embedded: [("alarm-hosts/panel.yaml", Self.good)], directories: [dir])
        #expect(catalog["panel"]?.title.en == "Panel")
        #expect(catalog.ids == ["broken", "panel"])
        #expect(catalog["broken"] == nil)
        let problem = try #require(catalog.problems(of: "broken").first)
        #expect(problem.description.contains("broken.yaml:4:1"))
        #expect(catalog.errors.count == 1 && catalog.sorted.map(\.id) == ["panel"])
    }

    @Test func aBrokenOverrideKeepsTheEmbeddedProfileAndSaysWhy() throws {
        let dir = try Self.directory(["panel.yaml": Self.good.replacingOccurrences(of: "equals: 1", with: "equalz: 1")])
        let catalog = ProfileCatalog(registry: Self.registry, embedded: [("alarm-hosts/panel.yaml", Self.good)], directories: [dir])
        #expect(catalog["panel"]?.checks.count == 1, "the embedded profile still serves")
        #expect(catalog.problems(of: "panel").first?.description.contains("panel.yaml") == true)
    }

    @Test func aWorkingOverrideWins() throws {
        let dir = try Self.directory(["panel.yaml": Self.good.replacingOccurrences(of: "title: {en: Panel,", with: "title: {en: Site panel,")])
        let catalog = ProfileCatalog(registry: Self.registry, embedded: [("alarm-hosts/panel.yaml", Self.good)], directories: [dir])
        #expect(catalog["panel"]?.title.en == "Site panel")
        #expect(catalog.problems(of: "panel").isEmpty)
    }
}
