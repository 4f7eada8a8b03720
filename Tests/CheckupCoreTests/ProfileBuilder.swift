import CheckupCore
import CheckupTestKit

/// Loads a profile for the scripted probe from YAML text, failing the test on any error.
func scriptedProfile(_ checks: String, points: String = "v: {key: v}\n  t: {key: t}") throws -> Profile {
    let yaml = """
    schema: 1
    id: test
    protocol: scripted
    title: {zh: 测试, en: Test}
    record: {section: central-control, item: {zh: 测试, en: Test}}
    points:
      \(points)
    checks:
    \(checks)
    """
    return try ProfileLoader(registry: .with(ScriptedProbe(devices: [:]))).load(text: yaml, origin: "test.yaml")
}

extension Readings {
    static func values(_ values: [String: Value]) -> Readings {
        Readings(values: values.mapValues { Reading($0) })
    }
}
