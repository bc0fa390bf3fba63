// Trimming whitespace without the detour through NSString.
//
// Foundation's `trimmingCharacters(in:)` on Linux copies the string into an NSString and
// back: some thirty thousand instructions for a short rule title, called for every text of
// every rule when the packs load and for many texts of every plan.
import Foundation

extension String {
    /// The string without leading and trailing scalars of `set`: what
    /// `trimmingCharacters(in: set)` returns, scalar by scalar.
    func trimmed(of set: CharacterSet) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, set.contains(scalars[start]) {
            start = scalars.index(after: start)
        }
        while start < end {
            let last = scalars.index(before: end)
            guard set.contains(scalars[last]) else { break }
            end = last
        }
        if start == scalars.startIndex && end == scalars.endIndex { return self }
        // Sliced by scalars: a combining mark after a trimmed space stays.
        return String(Substring(scalars[start..<end]))
    }
}
