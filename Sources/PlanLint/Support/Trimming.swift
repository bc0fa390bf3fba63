// Trimming whitespace without the detour through NSString.
//
// Foundation's `trimmingCharacters(in:)` on Linux copies the string into an NSString and
// back: some thirty thousand instructions for a short rule title, called for every text of
// every rule when the packs load and for many texts of every plan.
import Foundation

/// What `trimmed(of:)` takes away: Foundation's sets, made once (each use of
/// `CharacterSet.whitespaces` builds the set anew, about a thousand instructions).
enum TrimSet {
    case whitespaces
    case whitespacesAndNewlines

    private static let spaces = CharacterSet.whitespaces
    private static let spacesAndNewlines = CharacterSet.whitespacesAndNewlines

    var characters: CharacterSet {
        switch self {
        case .whitespaces: return TrimSet.spaces
        case .whitespacesAndNewlines: return TrimSet.spacesAndNewlines
        }
    }
}

extension String {
    /// The string without leading and trailing scalars of `set`: what
    /// `trimmingCharacters(in: set)` returns, scalar by scalar.
    func trimmed(of set: TrimSet) -> String {
        // Neither set holds a printable ASCII character: a string that starts and ends with
        // one is returned as it is, which most texts of packs and plans do.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return self }
        let characters = set.characters
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, characters.contains(scalars[start]) {
            start = scalars.index(after: start)
        }
        while start < end {
            let last = scalars.index(before: end)
            guard characters.contains(scalars[last]) else { break }
            end = last
        }
        if start == scalars.startIndex && end == scalars.endIndex { return self }
        // Sliced by scalars: a combining mark after a trimmed space stays.
        return String(Substring(scalars[start..<end]))
    }
}
