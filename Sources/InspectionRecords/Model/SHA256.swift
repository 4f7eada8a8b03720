import CCrypto
public import Foundation

/// SHA-256 of files the store keeps a fingerprint of (imported inventories).
public enum RecordDigest: Sendable {
    public static func hex(_ data: Data) -> String { SHA256.hex(data) }
}

/// SHA-256 of the records' content hash, by OpenSSL's libcrypto.
enum SHA256 {
    static func digest(_ data: Data) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        data.withUnsafeBytes { bytes in
            _ = CCrypto.SHA256(bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count, &out)
        }
        return out
    }

    static func hex(_ data: Data) -> String {
        digest(data).map { String(format: "%02x", $0) }.joined()
    }
}
