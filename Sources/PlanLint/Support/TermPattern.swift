// Matching words the way Finnish and Swedish need: on stems.
//
// Finnish inflects (valtuusto, valtuustossa, valtuuston) and compounds
// (yhteistyöryhmä), so heading aliases and terms are written as stems with stars:
//
//   valtuust*          a word that starts with "valtuust"
//   *palvelu*          a word that contains "palvelu" (perhepalvelut)
//   hyvinvoinnin tila* several words in a row, each matched as written or as a stem
//   /regex/            an ICU regular expression, for what stems cannot say
//
// Matching ignores case but not diacritics (ä is not a). A pattern is compiled for
// matching when it is first matched, so commands that only list rules never pay for it.
// A list with a /regex/, and a fact pattern, are checked as they are read, so a bad one is
// reported with the pack.
import Foundation

/// A compiled set of alternatives (stems, phrases or regexes) matched against text.
public struct TermPattern: Sendable, CustomStringConvertible {
    /// The alternatives as written in the pack.
    public let terms: [String]
    private let regex: LazyRegex

    /// Compiles `terms`; throws a message naming the bad term.
    ///
    /// Many rules share a list of aliases (a YAML anchor, or the same stems written again),
    /// so a list compiled once is kept for the life of the process and reused.
    public init(_ terms: [String]) throws(TermPatternError) {
        self.terms = terms
        let key = CompiledPatterns.Key(terms: terms, isRegex: false)
        if let cached = CompiledPatterns.shared[key] {
            regex = cached
            return
        }
        let parts = try TermPattern.parts(of: terms)
        if parts.contains(where: \.isRegex) {
            let pattern = TermPattern.pattern(of: parts)
            do { try LazyRegex.check(pattern) } catch {
                throw TermPatternError(term: terms.joined(separator: ", "), problem: "not a valid pattern")
            }
            regex = LazyRegex(pattern: pattern, options: [.caseInsensitive])
        } else {
            // Stems and phrases are escaped into a fixed syntax: such a pattern always
            // compiles, so even writing it out waits until the list is first matched.
            regex = LazyRegex(options: [.caseInsensitive]) { TermPattern.pattern(of: parts) }
        }
        CompiledPatterns.shared[key] = regex
    }

    /// Compiles one regular expression (used by fact extractors).
    public init(regex pattern: String) throws(TermPatternError) {
        self.terms = [pattern]
        let key = CompiledPatterns.Key(terms: [pattern], isRegex: true)
        if let cached = CompiledPatterns.shared[key] {
            regex = cached
            return
        }
        do { try LazyRegex.check(pattern) } catch {
            throw TermPatternError(term: pattern, problem: TermPattern.describe(error))
        }
        regex = LazyRegex(pattern: pattern, options: [.caseInsensitive])
        CompiledPatterns.shared[key] = regex
    }

    /// ICU's reason for refusing a pattern, as far as Foundation passes it on.
    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let reason = ns.userInfo["NSInvalidValue"] as? String { return "ICU refused \(reason)" }
        return "ICU error \(ns.code)"
    }

    /// A letter or a digit, as `[\p{L}\p{N}]` matches one when the pattern ignores case.
    ///
    /// Under `.caseInsensitive`, ICU closes every bracketed set over case when it compiles
    /// it; for the letters of all scripts that costs about 0.3 ms each time, and a term
    /// list of a pack holds hundreds of them. The closure of `[\p{L}\p{N}]` adds exactly
    /// one scalar, U+0345 COMBINING GREEK YPOGEGRAMMENI (it folds to ι), so compiling the
    /// set case-sensitively with that scalar added matches the same text, four times
    /// cheaper. `TermPatternTests.wordCharacterClass` checks the equality on every scalar.
    static let wordChar = "(?-i:[\\p{L}\\p{N}\\u0345])"

    /// One term of a list: a phrase of stems and words, or a `/regex/`.
    enum Part: Sendable {
        case phrase(String)
        case regex(String)

        var isRegex: Bool {
            if case .regex = self { return true }
            return false
        }
    }

    /// The terms of a list, trimmed; throws at an empty term or a bad `/regex/`.
    static func parts(of terms: [String]) throws(TermPatternError) -> [Part] {
        var parts: [Part] = []
        for term in terms {
            let trimmed = term.trimmed(of: .whitespaces)
            guard !trimmed.isEmpty else { throw TermPatternError(term: term, problem: "empty term") }
            if trimmed.count >= 2, trimmed.hasPrefix("/"), trimmed.hasSuffix("/") {
                let body = String(trimmed.dropFirst().dropLast())
                do { _ = try NSRegularExpression(pattern: body) } catch {
                    throw TermPatternError(term: term, problem: "not a valid regular expression")
                }
                parts.append(.regex(body))
            } else {
                parts.append(.phrase(trimmed))
            }
        }
        return parts
    }

    /// The regular expression of a list of terms: the alternatives in the order written.
    ///
    /// `anchorInfixes: false` gives the pattern without the word-start anchor of `*stem`
    /// phrases (see `regex(forPhrase:anchored:)`), for tests that compare the two.
    static func pattern(of parts: [Part], anchorInfixes: Bool = true) -> String {
        // The anchor keeps every match the same only when each match of the list ends at the
        // end of a word and is not empty, so that the search for the next one starts outside
        // a word: true of stems and phrases, not of a /regex/ or of a lone `*`.
        let anchor = anchorInfixes && parts.allSatisfy { part in
            if case .phrase(let p) = part { return !canMatchEmpty(p) }
            return false
        }
        return parts.map { part -> String in
            switch part {
            case .regex(let body): return "(?:\(body))"
            case .phrase(let p): return regex(forPhrase: p, anchored: anchor)
            }
        }.joined(separator: "|")
    }

    /// A phrase as a regular expression: its words in a row, each a stem or a whole word.
    ///
    /// A phrase starting with `*stem` becomes `W*stem…`, which ICU tries at every position,
    /// including every position inside every word, and `W*` backtracks over the rest of the
    /// word each time. When `anchored`, and the stem starts with a letter or digit, it is
    /// tried at the start of a word only, `(?<!W)W*stem…`. That finds the same matches: a
    /// match starting inside a word would also match from the start of that word, which
    /// comes first, and a search never starts inside a word (see `pattern(for:)`).
    static func regex(forPhrase phrase: String, anchored: Bool = false) -> String {
        let tokens = phrase.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let body = tokens.enumerated().map { index, token -> String in
            var t = Substring(token)
            let leading = t.hasPrefix("*")
            if leading { t = t.dropFirst() }
            let trailing = t.hasSuffix("*")
            if trailing { t = t.dropLast() }
            let escaped = NSRegularExpression.escapedPattern(for: String(t))
            var start = leading ? "\(wordChar)*" : "(?<!\(wordChar))"
            if leading && anchored && index == 0 && startsWithWordCharacter(t) { start = "(?<!\(wordChar))" + start }
            return start + escaped + (trailing ? "\(wordChar)*" : "(?!\(wordChar))")
        }
        return "(?:" + body.joined(separator: "[\\s\\-–]+") + ")"
    }

    /// True for a phrase that can match no text: a lone `*` or `**`.
    static func canMatchEmpty(_ phrase: String) -> Bool {
        let tokens = phrase.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard tokens.count == 1, var t = tokens.first else { return false }
        if t.hasPrefix("*") { t = t.dropFirst() }
        if t.hasSuffix("*") { t = t.dropLast() }
        return t.isEmpty
    }

    private static let wordCharacter = try? NSRegularExpression(pattern: "^" + wordChar, options: [.caseInsensitive])

    /// True when `text` starts with a letter or a digit, as ICU sees them.
    static func startsWithWordCharacter(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, let regex = wordCharacter else { return false }
        let s = String(first)
        return regex.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil
    }

    /// A match: scalar offsets into the text and the matched text.
    public struct Match: Sendable, Hashable {
        public var lower: Int
        public var upper: Int
        public var text: String
        /// Named capture groups, with their scalar offsets.
        public var groups: [String: (lower: Int, upper: Int, text: String)] = [:]

        public static func == (a: Match, b: Match) -> Bool { a.lower == b.lower && a.upper == b.upper && a.text == b.text }
        public func hash(into h: inout Hasher) { h.combine(lower); h.combine(upper) }
    }

    /// True when any alternative occurs in `text`.
    public func isFound(in text: String) -> Bool {
        guard let regex = regex.value else { return false }
        let ns = text as NSString
        return regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) != nil
    }

    /// The first match in `text`, or nil.
    public func firstMatch(in text: String, groupNames: [String] = []) -> Match? {
        matches(in: text, groupNames: groupNames, limit: 1).first
    }

    /// The matches in `text`, at most `limit` of them, with scalar offsets.
    ///
    /// The search stops at the `limit`th match: a rule that needs one mention does not
    /// scan the rest of a long paragraph.
    public func matches(in text: String, groupNames: [String] = [], limit: Int = .max) -> [Match] {
        guard limit > 0, let regex = regex.value else { return [] }
        let ns = text as NSString
        var results: [NSTextCheckingResult] = []
        regex.enumerateMatches(in: text, range: NSRange(location: 0, length: ns.length)) { result, _, stop in
            if let result { results.append(result) }
            if results.count >= limit { stop.pointee = true }
        }
        guard !results.isEmpty else { return [] }
        let map = UTF16ToScalarMap(text)
        var out: [Match] = []
        for r in results {
            var m = Match(lower: map.scalarOffset(r.range.location), upper: map.scalarOffset(r.range.location + r.range.length), text: ns.substring(with: r.range))
            for name in groupNames {
                let g = r.range(withName: name)
                if g.location != NSNotFound {
                    m.groups[name] = (map.scalarOffset(g.location), map.scalarOffset(g.location + g.length), ns.substring(with: g))
                }
            }
            out.append(m)
        }
        return out
    }

    public var description: String { terms.joined(separator: " | ") }

    /// The same for every pattern of the same terms (they share one compiled expression).
    var identity: ObjectIdentifier { ObjectIdentifier(regex) }

    /// True when the pattern compiles (it is compiled now if it was not yet).
    var compiles: Bool { regex.value != nil }
}

/// A term that could not be compiled.
public struct TermPatternError: Error, Sendable {
    public var term: String
    public var problem: String
}

/// A regular expression compiled on first use, at most once, from any thread.
///
/// NSRegularExpression is immutable once made and safe to share between threads.
final class LazyRegex: @unchecked Sendable {
    private let pattern: @Sendable () -> String
    private let options: NSRegularExpression.Options
    private var compiled: NSRegularExpression?
    private var tried = false
    private let lock = NSLock()

    /// A pattern known to be valid (see `check`), compiled when first matched.
    init(pattern: String, options: NSRegularExpression.Options) {
        self.pattern = { pattern }
        self.options = options
    }

    /// A pattern known to be valid, written out and compiled when first matched.
    init(options: NSRegularExpression.Options, pattern: @escaping @Sendable () -> String) {
        self.pattern = pattern
        self.options = options
    }

    /// Throws ICU's error if `pattern` is not a valid regular expression.
    ///
    /// Whether ICU accepts a pattern does not depend on `.caseInsensitive`, which only
    /// changes what the parts match. Without it, ICU does not close each `\p{L}` over case,
    /// which is most of the cost of compiling the packs' regexes.
    static func check(_ pattern: String) throws {
        _ = try NSRegularExpression(pattern: pattern, options: [])
    }

    /// The pattern as given to ICU.
    var source: String { pattern() }

    /// The compiled expression; nil only if ICU refused a pattern that should be valid.
    var value: NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if !tried {
            compiled = try? NSRegularExpression(pattern: pattern(), options: options)
            tried = true
        }
        return compiled
    }
}

/// The patterns compiled so far, by what they were compiled from; shared by all threads.
///
/// Only successful compilations are kept, so a bad term is reported every time it is read.
final class CompiledPatterns: @unchecked Sendable {
    struct Key: Hashable {
        var terms: [String]
        /// True for one regular expression (`TermPattern(regex:)`), false for a term list.
        var isRegex: Bool
    }

    static let shared = CompiledPatterns()

    private var patterns: [Key: LazyRegex] = [:]
    private let lock = NSLock()

    /// The term lists compiled so far (not the single regular expressions).
    var termLists: [[String]] {
        lock.lock()
        defer { lock.unlock() }
        return patterns.keys.filter { !$0.isRegex }.map(\.terms)
    }

    /// Every pattern kept so far.
    var all: [LazyRegex] {
        lock.lock()
        defer { lock.unlock() }
        return Array(patterns.values)
    }

    subscript(key: Key) -> LazyRegex? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return patterns[key]
        }
        set {
            lock.lock()
            defer { lock.unlock() }
            patterns[key] = newValue
        }
    }
}

/// Converts UTF-16 offsets (NSString) to Unicode-scalar offsets (our columns).
struct UTF16ToScalarMap {
    private var table: [Int]  // table[utf16 offset] = scalar offset

    init(_ text: String) {
        table = []
        table.reserveCapacity(text.utf16.count + 1)
        var scalarIndex = 0
        for scalar in text.unicodeScalars {
            table.append(scalarIndex)
            if scalar.utf16.count == 2 { table.append(scalarIndex) }
            scalarIndex += 1
        }
        table.append(scalarIndex)
    }

    func scalarOffset(_ utf16Offset: Int) -> Int {
        guard !table.isEmpty else { return 0 }
        return table[min(max(0, utf16Offset), table.count - 1)]
    }
}
