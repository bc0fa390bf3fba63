// Trimming whitespace natively gives what Foundation's trimmingCharacters(in:) gives.
import Foundation
import Testing
@testable import PlanLint

@Suite("Trimming whitespace")
struct TrimmingTests {
    @Test("Every scalar up to U+3100 and beyond the BMP is trimmed as Foundation trims it",
          arguments: [TrimSet.whitespaces, .whitespacesAndNewlines])
    func sameAsFoundation(_ set: TrimSet) {
        var scalars = (0...0x3100).compactMap(Unicode.Scalar.init)
        scalars += [0xFEFF, 0x1F600, 0x10FFFF].compactMap(Unicode.Scalar.init)
        var differences: [String] = []
        for scalar in scalars {
            let c = String(scalar)
            for text in [c, c + c, "\(c)Kv\(c)", "a\(c)", "\(c)a", "a\(c)\u{301}", " \(c)a b\t\(c)\n", "\(c)\u{301}x", "x\(c)\u{301}", "\u{3000}\(c)\u{85}"]
            where text.trimmed(of: set) != text.trimmingCharacters(in: set.characters) {
                differences.append(text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }

    @Test("A combining mark after a trimmed space stays; an untouched string is returned as it is")
    func scalarsNotCharacters() {
        #expect(" \u{301}ab ".trimmed(of: .whitespaces).unicodeScalars.map(\.value) == [0x301, 0x61, 0x62])
        #expect("  \n".trimmed(of: .whitespacesAndNewlines) == "")
        #expect("Kunnanvaltuusto".trimmed(of: .whitespaces) == "Kunnanvaltuusto")
        #expect("\tvaltuusto \n".trimmed(of: .whitespaces) == "valtuusto \n")
    }
}
