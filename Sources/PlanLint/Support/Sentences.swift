// One sentence that holds a term of every list.
//
// "Nuorisovaltuusto ja oppilaskunnat arvioivat toteutumista vuosittain" says who takes part
// and that they evaluate in one sentence; the same words spread over a chapter do not. Such
// a test was a regular expression with one look-ahead per list from every sentence start,
// each scanning to the sentence's end for an alternation of stems: quadratic in the
// sentence, and a third of the time of a plan of 8 MB. Here each list is matched once on
// the whole block (by the token matcher, in one pass), and the sentences are walked once.
//
// A sentence starts at the start of the text or after `.`, `!` or `?` and one white-space
// character; it ends before a `.` followed by white space and a capital letter ("… 2025.
// Nuoret …"), so "esim. lapset" and "3. luokka" do not cut it. A term counts for the
// sentence when its match starts inside it. These are the boundaries the regular
// expressions used (`(?:\A|(?<=[.!?]\s))` and `(?:[^.]|\.(?!\s+\p{Lu}))*`), so the packs'
// sentence tests find what they found.
enum Sentences {
    /// The sentences, in order, that hold a match of every list: `starts[k]` are the scalar
    /// offsets where matches of list k start, ascending. Each result is the sentence's
    /// start and end (scalar offsets); a match's sentences do not overlap: the next is
    /// looked for after the end of `shown` scalars of the previous one (its note).
    static func holdingAll(_ starts: [[Int]], in scalars: [Unicode.Scalar], shown: Int = 80, limit: Int = .max) -> [(start: Int, end: Int)] {
        guard !starts.isEmpty, limit > 0, starts.allSatisfy({ !$0.isEmpty }) else { return [] }
        let n = scalars.count
        var next = [Int](repeating: 0, count: starts.count)
        var out: [(start: Int, end: Int)] = []
        var end = -1
        var p = 0
        var after = 0
        while p <= n && out.count < limit {
            if p >= after && isStart(p, scalars) {
                if end < p { end = sentenceEnd(from: p, scalars) }
                var all = true
                for k in starts.indices {
                    while next[k] < starts[k].count && starts[k][next[k]] < p { next[k] += 1 }
                    // No match of list k from here on: no later sentence can hold one.
                    if next[k] == starts[k].count { return out }
                    if starts[k][next[k]] >= end { all = false }
                }
                if all && end > p {
                    out.append((p, end))
                    after = min(p + shown, end)
                }
            }
            p += 1
        }
        return out
    }

    /// True when a sentence may start at `p`: the start, or after `.`, `!` or `?` and one
    /// white-space character.
    @inline(__always)
    static func isStart(_ p: Int, _ s: [Unicode.Scalar]) -> Bool {
        if p == 0 { return true }
        guard p >= 2 else { return false }
        let c = s[p - 2]
        return (c == "." || c == "!" || c == "?") && s[p - 1].properties.isWhitespace
    }

    /// The offset of the `.` that ends the sentence started at `p` (one followed by white
    /// space and a capital letter), or the end of the text.
    static func sentenceEnd(from p: Int, _ s: [Unicode.Scalar]) -> Int {
        var q = p
        while q < s.count {
            if s[q] == "." {
                var r = q + 1
                while r < s.count && s[r].properties.isWhitespace { r += 1 }
                if r > q + 1 && r < s.count && s[r].properties.generalCategory == .uppercaseLetter { return q }
            }
            q += 1
        }
        return s.count
    }
}
