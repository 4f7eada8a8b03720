import CCrypto
package import Foundation

/// SHA-256 of files the store keeps a fingerprint of (imported inventories).
package enum RecordDigest: Sendable {
    package static func hex(_ data: Data) -> String { SHA256.hex(data) }
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
        hex(digest(data))
    }

    /// The digest of the parts' concatenation, without making it (a record's parts at 10,000 devices).
    static func hex(parts: [Data]) -> String {
        guard let context = EVP_MD_CTX_new() else { return hex(parts.reduce(Data(), +)) }
        defer { EVP_MD_CTX_free(context) }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        for part in parts {
            part.withUnsafeBytes { bytes in _ = EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) }
        }
        var out = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &out, &length)
        return hex(out)
    }

    private static func hex(_ digest: [UInt8]) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
