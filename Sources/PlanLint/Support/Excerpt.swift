// Keeping excerpts of source lines proportionate: a 7 MB line is shown as a window around
// the span a finding points at, not whole once per finding.
import Foundation

/// A window of a long source line.
public enum Excerpt {
    /// The most characters of a source line shown in an excerpt.
    public static let maxWidth = 160
    /// How much of the line before the span stays in view.
    static let lead = 40

    /// The part of `line` to show and the columns (1-based, end exclusive) of the span in it;
    /// cut lines get `…` at the cut ends.
    public static func window(_ line: String, start: Int, end: Int) -> (text: String, start: Int, end: Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > maxWidth else { return (line, start, end) }
        let from = max(0, min(start - 1 - lead, scalars.count - maxWidth))
        let to = min(scalars.count, from + maxWidth)
        var text = String.UnicodeScalarView()
        if from > 0 { text.append("…") }
        text.append(contentsOf: scalars[from..<to])
        if to < scalars.count { text.append("…") }
        let shift = from - (from > 0 ? 1 : 0)
        let s = max(1, start - shift)
        let e = max(s + 1, min(end, to + 1) - shift)
        return (String(text), s, e)
    }
}
