// Refusing regular expressions of a rule pack that can backtrack catastrophically.
//
// ICU, which runs the packs' expressions, backtracks: `(a+)+$` against a line of a's that
// ends in a b tries every way to split the a's, 2^n of them, and never finishes. planlint
// cannot stop a match midway, so such an expression is refused when the pack is loaded.
// The check is static and conservative; it refuses:
//
// 1. A repetition inside a repetition (`(a+)+`, `(x+x+)+y`, `(\w+\s?)*`): a part that repeats
//    (`*`, `+`, `{n,}`, or more than 16 times) holding another part that repeats.
// 2. Alternatives of a repeated group that can start with the same character (`(a|a)*`,
//    `(a|ab)+`, `(\w|\d)*`) unless their plain starts part later (`kunnan|kunnat`): write
//    the common start once, `a(?:b|c)`.
//
// Atomic groups `(?>…)` and possessive quantifiers (`a++`, `(…)*+`) give nothing back, so
// what they hold is not counted. Lookarounds are not counted. Whether two alternatives can
// start alike is decided by trying their first parts on a sample of characters (ASCII, the
// Nordic letters, dashes, white space), case-insensitively as the packs' expressions run.
import Foundation

/// The static check of a pack's regular expression.
public enum RegexHazard {
    /// Why `pattern` can take exponential time, or nil when it cannot (by this check).
    public static func find(in pattern: String) -> String? {
        var parser = Parser(Array(pattern.unicodeScalars))
        let tree = parser.alternatives()
        return check(tree, insideRepeat: false)
    }

    /// A repetition that counts: unbounded, or more than 16 times.
    static let repeatLimit = 16

    indirect enum Kind {
        /// One character's worth: its source (nil: could be anything, e.g. a backreference).
        case atom(String?)
        case group([[Node]], atomic: Bool)
        /// Anchors, lookarounds, flags: match no character.
        case zeroWidth
    }

    struct Node {
        var kind: Kind
        var min = 1
        var max: Int? = 1
        var possessive = false
        var source = ""

        var repeats: Bool { !possessive && (max == nil || max! > RegexHazard.repeatLimit) }
    }

    static func check(_ alternatives: [[Node]], insideRepeat: Bool) -> String? {
        for sequence in alternatives {
            for node in sequence {
                switch node.kind {
                case .zeroWidth:
                    continue
                case .atom:
                    if insideRepeat && node.repeats { return nested(node) }
                case .group(let inner, let atomic):
                    if node.repeats {
                        if insideRepeat { return nested(node) }
                        if !atomic, let clash = overlapping(inner) {
                            return "`\(node.source)` repeats alternatives that can start with the same character (\(clash)), so it can take exponential time; write the common start once, a(?:b|c), or make the group atomic, (?>…)"
                        }
                        if let found = check(inner, insideRepeat: !atomic) {
                            return found.hasPrefix("`") ? found : "`\(node.source)`: " + found
                        }
                    } else if let found = check(inner, insideRepeat: insideRepeat && !atomic && !node.possessive) {
                        return found
                    }
                }
            }
        }
        return nil
    }

    private static func nested(_ node: Node) -> String {
        "`\(node.source)` repeats inside a repeated part, so it can take exponential time; repeat it once, or make it possessive (++, *+) or atomic, (?>…)"
    }

    /// Two alternatives that can start with the same sample character, as `'a' and 'ab'`.
    static func overlapping(_ alternatives: [[Node]]) -> String? {
        guard alternatives.count > 1 else { return nil }
        let firsts = alternatives.map { first(of: $0) }
        for i in firsts.indices {
            for j in firsts.indices where j > i {
                if let c = sample.first(where: { matches(firsts[i], $0) && matches(firsts[j], $0) }),
                   !diverge(literalPrefix(alternatives[i]), literalPrefix(alternatives[j])) {
                    let shown = c == " " ? "a space" : "'\(c)'"
                    return "'\(source(alternatives[i]))' and '\(source(alternatives[j]))' both start with \(shown)"
                }
            }
        }
        return nil
    }

    /// The single characters a sequence starts with, each matched exactly once.
    static func literalPrefix(_ sequence: [Node]) -> [String?] {
        var out: [String?] = []
        for node in sequence {
            guard case .atom(let s) = node.kind, node.min == 1, node.max == 1 else { break }
            out.append(s)
        }
        return out
    }

    /// Whether two alternatives part at some position of their simple starts, as `kunnan`
    /// and `kunnat` do at the sixth letter: then no text matches both.
    static func diverge(_ a: [String?], _ b: [String?]) -> Bool {
        for k in 0..<min(a.count, b.count) where !sample.contains(where: { matches([a[k]], $0) && matches([b[k]], $0) }) {
            return true
        }
        return false
    }

    private static func source(_ sequence: [Node]) -> String { sequence.map(\.source).joined() }

    /// What can match the first character of a sequence: atoms' sources, nil for anything.
    static func first(of sequence: [Node]) -> [String?] {
        var out: [String?] = []
        for node in sequence {
            switch node.kind {
            case .zeroWidth: continue
            case .atom(let s): out.append(s)
            case .group(let inner, _): out += inner.flatMap { first(of: $0) }
            }
            if node.min > 0 { return out }
        }
        return out
    }

    static let sample: [Character] = Array("abcdefghijklmnopqrstuvwxyzåäöéüABCÅÄÖ0123456789 \t\n.,;:!?-–—_/()[]{}'\"§%&*+=<>@#$€|\\^~`")

    private static func matches(_ atoms: [String?], _ c: Character) -> Bool {
        atoms.contains { atom in
            guard let atom, let regex = compiled(atom) else { return true }
            let s = String(c)
            return regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
        }
    }

    private static func compiled(_ atom: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: "^(?:" + atom + ")", options: [.caseInsensitive])
    }

    /// A small parser of ICU's syntax: enough to see groups, alternatives and repetitions.
    struct Parser {
        let s: [Unicode.Scalar]
        var i = 0

        init(_ s: [Unicode.Scalar]) {
            self.s = s
        }

        private var atEnd: Bool { i >= s.count }
        private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }
        private func text(_ from: Int, _ to: Int) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: s[max(0, from)..<min(to, s.count)])
            return String(v)
        }

        mutating func alternatives() -> [[Node]] {
            var out: [[Node]] = [[]]
            while !atEnd {
                let c = s[i]
                if c == ")" { return out }
                if c == "|" {
                    i += 1
                    out.append([])
                    continue
                }
                let start = i
                guard var node = atom() else { continue }
                quantifier(&node)
                node.source = text(start, i)
                out[out.count - 1].append(node)
            }
            return out
        }

        private mutating func atom() -> Node? {
            let c = s[i]
            switch c {
            case "(":
                return group()
            case "[":
                let start = i
                skipClass()
                return Node(kind: .atom(text(start, i)))
            case "\\":
                return escape()
            case "^", "$":
                i += 1
                return Node(kind: .zeroWidth)
            case ".":
                i += 1
                return Node(kind: .atom("."))
            default:
                i += 1
                return Node(kind: .atom(NSRegularExpression.escapedPattern(for: String(c))))
            }
        }

        private mutating func group() -> Node? {
            i += 1  // (
            var atomic = false
            var zeroWidth = false
            if peek() == "?" {
                let next = peek(1)
                if next == "#" {
                    while !atEnd && s[i] != ")" { i += 1 }
                    i += 1
                    return nil
                } else if next == ":" {
                    i += 2
                } else if next == ">" {
                    i += 2
                    atomic = true
                } else if next == "=" || next == "!" {
                    i += 2
                    zeroWidth = true
                } else if next == "<" && (peek(2) == "=" || peek(2) == "!") {
                    i += 3
                    zeroWidth = true
                } else if next == "<" || next == "P" || next == "'" {
                    while !atEnd && s[i] != ">" && !(s[i] == "'" && next == "'" && i > 1 && s[i - 1] != "?") { i += 1 }
                    i += 1
                } else {
                    // Flags: (?i) (?-i) or (?i: …)
                    i += 1
                    while !atEnd && s[i] != ")" && s[i] != ":" { i += 1 }
                    if !atEnd && s[i] == ")" {
                        i += 1
                        return Node(kind: .zeroWidth)
                    }
                    i += 1
                }
            }
            let inner = alternatives()
            if !atEnd { i += 1 }  // )
            return zeroWidth ? Node(kind: .zeroWidth) : Node(kind: .group(inner, atomic: atomic))
        }

        private mutating func skipClass() {
            i += 1  // [
            if peek() == "^" { i += 1 }
            if peek() == "]" { i += 1 }
            while !atEnd {
                let c = s[i]
                if c == "\\" {
                    i += 2
                } else if c == "[" {
                    skipClass()
                } else if c == "]" {
                    i += 1
                    return
                } else {
                    i += 1
                }
            }
        }

        private mutating func escape() -> Node? {
            let start = i
            i += 1
            guard let c = peek() else { return Node(kind: .atom(nil)) }
            i += 1
            switch c {
            case "Q":
                // \Q…\E: literal characters; the first is what matters.
                let literalStart = i
                while !atEnd && !(s[i] == "\\" && peek(1) == "E") { i += 1 }
                let first = literalStart < i ? NSRegularExpression.escapedPattern(for: String(s[literalStart])) : nil
                if !atEnd { i += 2 }
                return first.map { Node(kind: .atom($0)) } ?? Node(kind: .zeroWidth)
            case "b", "B", "A", "z", "Z", "G":
                return Node(kind: .zeroWidth)
            case "p", "P", "x", "N":
                if peek() == "{" {
                    while !atEnd && s[i] != "}" { i += 1 }
                    i += 1
                } else if c == "x" {
                    i = min(s.count, i + 2)
                }
                return Node(kind: .atom(text(start, i)))
            case "u":
                i = min(s.count, i + 4)
                return Node(kind: .atom(text(start, i)))
            case "k":
                while !atEnd && s[i] != ">" { i += 1 }
                i += 1
                return Node(kind: .atom(nil))
            default:
                if ("1"..."9").contains(c) { return Node(kind: .atom(nil)) }
                return Node(kind: .atom(text(start, i)))
            }
        }

        private mutating func quantifier(_ node: inout Node) {
            guard let c = peek() else { return }
            switch c {
            case "*": node.min = 0; node.max = nil; i += 1
            case "+": node.min = 1; node.max = nil; i += 1
            case "?": node.min = 0; node.max = 1; i += 1
            case "{":
                var j = i + 1
                var low = "", high = "", comma = false
                while j < s.count, s[j] != "}" {
                    if s[j] == "," { comma = true } else if comma { high.unicodeScalars.append(s[j]) } else { low.unicodeScalars.append(s[j]) }
                    j += 1
                }
                guard j < s.count, let lo = Int(low), high.isEmpty || Int(high) != nil else { return }
                node.min = lo
                node.max = comma ? Int(high) : lo
                i = j + 1
            default:
                return
            }
            if peek() == "?" {
                i += 1
            } else if peek() == "+" {
                i += 1
                node.possessive = true
            }
        }
    }
}
