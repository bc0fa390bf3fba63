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

    /// The UTF-8 bytes of `text`, read from its contiguous storage (the generic form walks
    /// a String's UTF-8 view byte by byte, several times slower on the packs' content).
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { (buffer: UnsafeBufferPointer<UInt8>) in add(buffer) }
    }

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        var v = value
        for byte in bytes {
            v ^= UInt64(byte)
            v = v &* 0x100_0000_01b3
        }
        value = v
    }

    /// 16 hex digits.
    var hex: String { String(format: "%016llx", value) }

    static func hex(_ text: String) -> String {
        var h = FNV1a()
        h.add(text)
        return h.hex
    }
}
