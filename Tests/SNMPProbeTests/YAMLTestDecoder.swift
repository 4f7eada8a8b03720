import Yams

/// Decodes a value from YAML text, as the profile loader does for point addresses.
enum YAMLTestDecoder {
    static func decode<T: Decodable>(_ yaml: String, as type: T.Type = T.self) throws -> T {
        try YAMLDecoder().decode(T.self, from: yaml)
    }
}
