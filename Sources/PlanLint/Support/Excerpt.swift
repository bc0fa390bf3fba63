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
        // Counted and cut on the scalar view, without an array of the whole line: a report
        // of a 7 MB line has one window per finding.
        let scalars = line.unicodeScalars
        let count = scalars.count
        guard count > maxWidth else { return (line, start, end) }
        let from = max(0, min(start - 1 - lead, count - maxWidth))
        let to = min(count, from + maxWidth)
        let lower = scalars.index(scalars.startIndex, offsetBy: from)
        let upper = scalars.index(lower, offsetBy: to - from)
        var text = String.UnicodeScalarView()
        if from > 0 { text.append("…") }
        text.append(contentsOf: scalars[lower..<upper])
        if to < count { text.append("…") }
        let shift = from - (from > 0 ? 1 : 0)
        let s = max(1, start - shift)
        let e = max(s + 1, min(end, to + 1) - shift)
        return (String(text), s, e)
    }

    /// The most characters of a title or a piece of evidence shown in a report.
    public static let maxText = 300

    /// `text` cut to `limit` characters (Unicode scalars) with `…` at the cut: a plan's
    /// title or a value quoted as evidence, repeated in a report, stays a few hundred
    /// characters however long it is in the plan.
    public static func cut(_ text: String, limit: Int = maxText) -> String {
        let scalars = text.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex), end < scalars.endIndex else { return text }
        var out = String.UnicodeScalarView(scalars[..<end])
        out.append("…")
        return String(out)
    }
}
