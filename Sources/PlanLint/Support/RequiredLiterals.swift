// What a regular expression cannot match without: words it must find in the text.
//
// `(?<body>\p{L}*(?:valtuust|fullmäktig)\p{L}*)\s+(?:hyväksyi|godkände)…` matches only text
// with a word containing "valtuust" or "fullmäktig", and a word containing "hyväksyi" or
// "godkände". The token matcher knows every word of a text, so a text without them is
// passed over without running the regular expression: most paragraphs of a plan are.
//
// The reading is deliberately cautious: a part it does not understand adds no
// requirement, so the filter can only let through more text than the expression
// matches, never less.
import Foundation

enum RequiredLiterals {
    /// Sets of literals (letters and digits, folded), every set needing one of its literals
    /// inside a word of any text the pattern matches. Empty when nothing is known.
    static func of(_ pattern: String) -> [[String]] {
        var p = Parser(s: Array(pattern.unicodeScalars))
        let sets = p.alternation()
        guard !p.bailed else { return [] }
        return sets.filter { set in !set.isEmpty && set.allSatisfy { $0.unicodeScalars.count >= 2 } }
    }

    private struct Parser {
        let s: [Unicode.Scalar]
        var i = 0
        var bailed = false

        init(s: [Unicode.Scalar]) { self.s = s }

        func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

        /// Alternatives up to `)` or the end: their requirements if there is one
        /// alternative. Else, for every way of picking one set from each alternative, the
        /// union of the picked sets: whichever alternative matches, it finds a literal of the
        /// set picked from it. `(?:lapset…)…(?:kysel…)|(?:kysel…)…(?:lapset…)` needs a
        /// child word and a way of taking part, not just one of them. When that would make
        /// more than `maxSets` sets: one set, the union of each alternative's strongest.
        mutating func alternation() -> [[String]] {
            var alternatives: [[[String]]] = [sequence()]
            while peek() == "|" {
                i += 1
                alternatives.append(sequence())
            }
            if alternatives.count == 1 { return alternatives[0] }
            var product: [[String]] = [[]]
            for sets in alternatives {
                guard !sets.isEmpty, product.count * sets.count <= Parser.maxSets else { product = []; break }
                product = product.flatMap { picked in sets.map { picked + $0 } }
            }
            if !product.isEmpty {
                var seen = Set<[String]>()
                return product.map { set in
                    var once = Set<String>()
                    return set.filter { once.insert($0).inserted }
                }.filter { seen.insert($0.sorted()).inserted }
            }
            var union: [String] = []
            for sets in alternatives {
                guard let best = sets.max(by: { strength($0) < strength($1) }) else { return [] }
                union += best
            }
            return [union]
        }

        static let maxSets = 8

        func strength(_ set: [String]) -> Int { set.map { $0.unicodeScalars.count }.min() ?? 0 }

        /// Skips a quantifier at `i`; returns whether it allows zero repetitions.
        mutating func quantifier() -> (present: Bool, optional: Bool) {
            guard let c = peek() else { return (false, false) }
            var optional = false
            switch c {
            case "?", "*": optional = true; i += 1
            case "+": i += 1
            case "{":
                var j = i + 1
                var digits = ""
                while j < s.count, s[j] != "}" { digits.unicodeScalars.append(s[j]); j += 1 }
                guard j < s.count else { return (false, false) }
                let low = digits.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
                optional = Int(low).map { $0 == 0 } ?? true
                i = j + 1
            default: return (false, false)
            }
            if let c = peek(), c == "?" || c == "+" { i += 1 }
            return (true, optional)
        }

        mutating func sequence() -> [[String]] {
            var sets: [[String]] = []
            var run = String.UnicodeScalarView()
            func flush(_ sets: inout [[String]], _ run: inout String.UnicodeScalarView) {
                if run.count >= 2 { sets.append([String(run)]) }
                run = String.UnicodeScalarView()
            }
            while let c = peek() {
                if bailed { return [] }
                switch c {
                case "|", ")":
                    flush(&sets, &run)
                    return sets
                case "(":
                    flush(&sets, &run)
                    i += 1
                    var keep = true
                    if peek() == "?" {
                        i += 1
                        let k = peek()
                        // What a positive lookaround needs, the match needs too.
                        if k == "=" || k == "!" {
                            keep = k == "="
                            i += 1
                        } else if k == "<", peek(1) == "=" || peek(1) == "!" {
                            keep = peek(1) == "="
                            i += 2
                        } else if k == "#" {
                            while let x = peek(), x != ")" { i += 1 }
                            i += 1
                            continue
                        } else if k == "<" || k == "'" || k == "P" {
                            let close: Unicode.Scalar = k == "'" ? "'" : ">"
                            while let x = peek(), x != close { i += 1 }
                            i += 1
                        } else if k == ">" {
                            i += 1
                        } else {
                            // Flags: `(?-i:` opens a group, `(?i)` sets them and is done.
                            while let x = peek(), x != ":" && x != ")" {
                                guard x == "-" || x.properties.isAlphabetic else { bailed = true; return [] }
                                i += 1
                            }
                            if peek() == ")" { i += 1; continue }
                            i += 1
                        }
                    }
                    let inner = alternation()
                    guard peek() == ")" else { bailed = true; return [] }
                    i += 1
                    let q = quantifier()
                    if keep && !q.optional { sets += inner }
                case "[":
                    flush(&sets, &run)
                    i += 1
                    if peek() == "^" { i += 1 }
                    if peek() == "]" { i += 1 }
                    var depth = 1
                    while let x = peek(), depth > 0 {
                        if x == "\\" { i += 2; continue }
                        if x == "[" { depth += 1 }
                        if x == "]" { depth -= 1 }
                        i += 1
                    }
                    _ = quantifier()
                case "\\":
                    flush(&sets, &run)
                    i += 1
                    guard let e = peek() else { return sets }
                    if e == "Q" || e == "E" { bailed = true; return [] }
                    i += 1
                    if ["p", "P", "N", "x", "k", "g"].contains(e), let b = peek(), b == "{" || b == "<" {
                        let close: Unicode.Scalar = b == "{" ? "}" : ">"
                        while let x = peek(), x != close { i += 1 }
                        i += 1
                    }
                    _ = quantifier()
                case "*", "+", "?", "{":
                    // A quantifier on the run's last character.
                    let q = quantifier()
                    if !q.present { i += 1 }
                    if q.optional, !run.isEmpty { run.removeLast() }
                    flush(&sets, &run)
                default:
                    i += 1
                    if case .word(let f) = TextChars.kind(c) {
                        // A quantified character is not part of the run.
                        if let n = peek(), n == "?" || n == "*" || n == "+" || n == "{" {
                            let q = quantifier()
                            if !q.optional { run.append(f) }
                            flush(&sets, &run)
                        } else {
                            run.append(f)
                        }
                    } else {
                        flush(&sets, &run)
                        _ = quantifier()
                    }
                }
            }
            flush(&sets, &run)
            return sets
        }
    }
}
