// FNV-1a 64: a small hash that is the same on every machine, for the packs' content hashes
// and the findings' fingerprints (not for security).
import Foundation

struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }

    /// 16 hex digits.
    var hex: String { String(format: "%016llx", value) }

    static func hex(_ text: String) -> String {
        var h = FNV1a()
        h.add(text.utf8)
        return h.hex
    }
}
