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
    private let compiled: CompiledTerms

    /// Compiles `terms`; throws a message naming the bad term.
    ///
    /// Many rules share a list of aliases (a YAML anchor, or the same stems written again),
    /// so a list compiled once is kept for the life of the process and reused.
    public init(_ terms: [String]) throws(TermPatternError) {
        self.terms = terms
        let key = CompiledPatterns.Key(terms: terms, isRegex: false)
        let checks = TermPattern.checksPatterns
        if var cached = CompiledPatterns.inUse[key] {
            if checks && !cached.checked {
                // Read unchecked before (an embedded pack): checked now, and kept as compiled.
                let parts = try TermPattern.parts(of: terms, checking: true)
                if parts.contains(where: \.isRegex) {
                    do { try LazyRegex.check(TermPattern.pattern(of: parts)) } catch {
                        throw TermPatternError(term: terms.joined(separator: ", "), problem: "not a valid pattern")
                    }
                }
                cached.checked = true
                CompiledPatterns.inUse[key] = cached
            }
            compiled = cached
            return
        }
        let parts = try TermPattern.parts(of: terms, checking: checks)
        let every: LazyRegex
        if parts.contains(where: \.isRegex) && checks {
            let pattern = TermPattern.pattern(of: parts)
            do { try LazyRegex.check(pattern) } catch {
                throw TermPatternError(term: terms.joined(separator: ", "), problem: "not a valid pattern")
            }
            every = LazyRegex(pattern: pattern, options: [.caseInsensitive])
        } else {
            // Stems and phrases are escaped into a fixed syntax: such a pattern always
            // compiles, so even writing it out waits until the list is first matched. So
            // does a list with `/regex/` terms read unchecked (an embedded pack's).
            every = LazyRegex(options: [.caseInsensitive]) { TermPattern.pattern(of: parts) }
        }
        let first: LazyRegex
        if TermPattern.anchorsEveryMatch(parts) || !parts.contains(where: TermPattern.isAnchorable) {
            first = every
        } else {
            // Should ICU refuse it, the list's first match is found with `every`.
            first = LazyRegex(options: [.caseInsensitive], fallback: every) {
                TermPattern.pattern(of: parts, firstMatchOnly: true)
            }
        }
        // Stems and phrases go to the token matcher; the regular expressions stay for the
        // `/regex/` terms, and for text the token matcher leaves to them. Both are made when
        // the first text is matched (`TokenCompilation`).
        compiled = CompiledTerms(every: every, first: first, matcher: TokenCompilation { () -> TokenCompilation.Result in
            let (tokens, hasRegex) = TermPattern.usesTokens(parts) ? TokenList.compile(parts) : (nil, false)
            if tokens != nil && hasRegex {
                let regexParts = parts.filter(\.isRegex)
                return (tokens, LazyRegex(options: [.caseInsensitive]) { TermPattern.pattern(of: regexParts) },
                        TokenList.filter(forRegex: TermPattern.pattern(of: regexParts)))
            }
            if tokens == nil && !TermPattern.regexOnly && parts.allSatisfy(\.isRegex) {
                return (nil, nil, TokenList.filter(forRegex: TermPattern.pattern(of: parts)))
            }
            return (tokens, nil, [])
        }, checked: checks)
        CompiledPatterns.inUse[key] = compiled
    }

    /// Compiles one regular expression (used by fact extractors).
    public init(regex pattern: String) throws(TermPatternError) {
        self.terms = [pattern]
        let key = CompiledPatterns.Key(terms: [pattern], isRegex: true)
        let checks = TermPattern.checksPatterns
        let cached = CompiledPatterns.inUse[key]
        if let cached, cached.checked || !checks {
            compiled = cached
            return
        }
        if checks {
            do { try LazyRegex.check(pattern) } catch {
                throw TermPatternError(term: pattern, problem: TermPattern.describe(error))
            }
            if let hazard = RegexHazard.find(in: pattern) {
                throw TermPatternError(term: pattern, problem: "refused: \(hazard)")
            }
        }
        if var cached {
            // Read unchecked before (an embedded pack): checked now, and kept as compiled.
            cached.checked = true
            CompiledPatterns.inUse[key] = cached
            compiled = cached
            return
        }
        let regex = LazyRegex(options: [.caseInsensitive]) { TermPattern.cheapLetters(pattern) }
        compiled = CompiledTerms(every: regex, first: regex, matcher: TokenCompilation { () -> TokenCompilation.Result in
            (nil, nil, TermPattern.regexOnly ? [] : TokenList.filter(forRegex: pattern))
        }, checked: checks)
        CompiledPatterns.inUse[key] = compiled
    }

    /// False while reading a pack whose regular expressions were checked before: the packs
    /// built into planlint, which `planlint rules test` and the test suite check
    /// (`PackLoader.load(_:checkingPatterns:)`). Checking means compiling every `/regex/`
    /// and fact pattern with ICU and looking for catastrophic backtracking, some 0.9 G
    /// instructions for the embedded packs, nearly all of what start-up would cost. A
    /// pattern read unchecked that ICU refuses after all matches nothing.
    @TaskLocal static var checksPatterns = true

    /// True when the list goes to the token matcher (`TokenMatcher.swift`); false makes
    /// every list a regular expression again, to compare the two.
    static func usesTokens(_ parts: [Part]) -> Bool { !regexOnly }
    static let regexOnly = ProcessInfo.processInfo.environment["PLANLINT_REGEX_ONLY"] != nil

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

    /// A `/regex/` term's body with each `\p{L}` outside a bracketed set written as
    /// `(?-i:[\p{L}\u0345])`: what `\p{L}` matches when the pattern ignores case (the case
    /// closure of the letters adds only U+0345, as for `wordChar`), without ICU closing
    /// the letters of every script over case at each one. A pack's sentence patterns hold
    /// several; compiled as written they cost a few million instructions each, on every
    /// run. A body with inline flags (`(?i)`, `(?-i:`, `(?x)`: a region where case is not
    /// ignored would change what the class should match) or `\Q` quoting is left as written,
    /// and so is anything inside brackets. `TermPatternTests` checks the class on every
    /// scalar and every rewritten term of the packs on the example plans.
    ///
    /// Each `\p{Alpha}` (Unicode's Alphabetic property) outside brackets is written as
    /// `(?-i:\p{Alpha})`, inline flags or not: the property is closed under case, so the
    /// two match the same in every region, and ICU builds a binary property's set once per
    /// process where it builds `\p{L}` anew at each occurrence. The packs write their letters
    /// so (see docs/rule-packs.md), which makes compiling them ten times cheaper.
    static func cheapLetters(_ body: String) -> String {
        let letters = rewrite(body, name: Array("L".utf8), as: Self.cheapLetterClass, underFlags: false)
        return rewrite(letters, name: Array("Alpha".utf8), as: Self.cheapAlphabetic, underFlags: true)
    }

    /// `body` with each `\p{NAME}` outside brackets written as `replacement`; unchanged when
    /// it quotes (`\Q`), opens a set with `]`, or, unless `underFlags`, sets inline flags.
    private static func rewrite(_ body: String, name: [UInt8], as replacement: [UInt8], underFlags: Bool) -> String {
        // The syntax is ASCII: walked by UTF-8 bytes (a byte of a longer character is never
        // one of them), copied to `out` with the replacements.
        let s = Array(body.utf8)
        let n = s.count
        func at(_ i: Int) -> UInt8 { i < n ? s[i] : 0 }
        let backslash = UInt8(ascii: "\\")
        var out: [UInt8] = []
        var i = 0
        var depth = 0
        var changed = false
        while i < n {
            let c = s[i]
            switch c {
            case backslash:
                let next = at(i + 1)
                if next == UInt8(ascii: "Q") { return body }
                if depth == 0, next == UInt8(ascii: "p"), at(i + 2) == UInt8(ascii: "{"),
                   i + 3 + name.count < n, Array(s[(i + 3)..<(i + 3 + name.count)]) == name, at(i + 3 + name.count) == UInt8(ascii: "}") {
                    out += replacement
                    changed = true
                    i += 4 + name.count
                    continue
                }
                out.append(c)
                if i + 1 < n { out.append(next) }
                i += 2
                continue
            case UInt8(ascii: "["):
                // `]` first in a set is read differently by different engines: leave such a body.
                if at(i + 1) == UInt8(ascii: "]") || (at(i + 1) == UInt8(ascii: "^") && at(i + 2) == UInt8(ascii: "]")) { return body }
                depth += 1
            case UInt8(ascii: "]"):
                if depth > 0 { depth -= 1 }
            case UInt8(ascii: "("):
                if !underFlags, depth == 0, at(i + 1) == UInt8(ascii: "?") {
                    var j = i + 2
                    while j < n, (s[j] | 0x20 >= UInt8(ascii: "a") && s[j] | 0x20 <= UInt8(ascii: "z")) || s[j] == UInt8(ascii: "-") { j += 1 }
                    if j > i + 2, at(j) == UInt8(ascii: ":") || at(j) == UInt8(ascii: ")") { return body }
                }
            default:
                break
            }
            out.append(c)
            i += 1
        }
        return changed ? String(decoding: out, as: UTF8.self) : body
    }

    /// What `\p{L}` becomes in `cheapLetters`: the letters and U+0345, case not ignored.
    private static let letterClass = "(?-i:[\\p{L}\\u0345])"
    private static let cheapLetterClass = Array(letterClass.utf8)
    /// What `\p{Alpha}` becomes: the same property, case not ignored.
    private static let cheapAlphabetic = Array("(?-i:\\p{Alpha})".utf8)

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
    static func parts(of terms: [String], checking: Bool = true) throws(TermPatternError) -> [Part] {
        var parts: [Part] = []
        for term in terms {
            let trimmed = term.trimmed(of: .whitespaces)
            guard !trimmed.isEmpty else { throw TermPatternError(term: term, problem: "empty term") }
            if trimmed.count >= 2, trimmed.hasPrefix("/"), trimmed.hasSuffix("/") {
                let body = String(trimmed.dropFirst().dropLast())
                if checking {
                    do { _ = try NSRegularExpression(pattern: body) } catch {
                        throw TermPatternError(term: term, problem: "not a valid regular expression")
                    }
                    if let hazard = RegexHazard.find(in: body) {
                        throw TermPatternError(term: term, problem: "refused: \(hazard)")
                    }
                }
                parts.append(.regex(body))
            } else {
                parts.append(.phrase(trimmed))
            }
        }
        return parts
    }

    /// How a list of terms is written as a regular expression.
    enum Form {
        /// Each term its own alternative, each word with its own boundary checks: the
        /// plain reading of the terms, which tests compare `compact` with.
        case plain
        /// The same matches with fewer letter classes to compile and test: checks shared
        /// by neighbouring alternatives are written once, and `*stem` is tried at word
        /// starts only.
        case compact
    }

    /// The regular expression of a list of terms: the alternatives in the order written.
    ///
    /// Compiling `W` (a letter or digit, `wordChar`) is most of what compiling a list costs,
    /// and each one is tested at every position, so the compact form writes fewer:
    /// - Inside a phrase, a word's start and end checks beside the separator go: the
    ///   separator is a space or a dash, never a letter or digit, so they always hold.
    /// - Neighbouring alternatives that start at a word start share one `(?<!W)`:
    ///   `(?<!W)X|(?<!W)Y` and `(?<!W)(?:X|Y)` try the same things in the same order.
    /// - Neighbouring alternatives with the same ending share it: `XZ|YZ` and `(?:X|Y)Z`
    ///   try X then Z, then Y then Z, backtracking alike.
    /// - `*stem` at the start of a phrase becomes `(?<!W)W*stem` when every term of the list
    ///   is a stem or phrase and the stem starts with a letter or digit. `W*stem` alone would
    ///   be tried at every position inside every word, `W*` backtracking over the rest of the
    ///   word each time. The matches are the same: a match starting inside a word also
    ///   matches from the start of that word, which comes first; and every match of such a
    ///   list ends where a word ends and is never empty, so no search for the next match
    ///   starts inside a word. A `/regex/` can end inside a word, and a lone `*` can match
    ///   nothing, so a list with either keeps `W*stem` unless `firstMatchOnly`: the first
    ///   match is the same whatever the list holds, as that search starts at the text's start.
    static func pattern(of parts: [Part], form: Form = .compact, firstMatchOnly: Bool = false) -> String {
        guard form == .compact else {
            return parts.map { part -> String in
                switch part {
                case .regex(let body): return "(?:\(cheapLetters(body)))"
                case .phrase(let p): return plainRegex(forPhrase: p)
                }
            }.joined(separator: "|")
        }
        let anchor = firstMatchOnly || anchorsEveryMatch(parts)
        let alternatives = parts.map { part -> Alternative in
            switch part {
            case .regex(let body): return Alternative(atWordStart: false, body: "(?:\(cheapLetters(body)))", end: .none)
            case .phrase(let p): return alternative(forPhrase: p, anchored: anchor)
            }
        }
        var out: [String] = []
        for run in alternatives.runs(by: \.atWordStart) {
            let inner = run.runs(by: \.end).map { group -> String in
                switch group.first?.end ?? .none {
                case .none: return group.map(\.body).joined(separator: "|")
                case .wordEnd: return "(?:" + group.map(\.body).joined(separator: "|") + ")(?!\(wordChar))"
                case .stem: return "(?:" + group.map(\.body).joined(separator: "|") + ")\(wordChar)*"
                }
            }.joined(separator: "|")
            out.append(run.first?.atWordStart == true ? "(?<!\(wordChar))(?:\(inner))" : inner)
        }
        return out.joined(separator: "|")
    }

    /// One alternative of the compact form: `(?<!W)`, if `atWordStart`, then `body`, then
    /// its ending.
    struct Alternative {
        enum End { case none, wordEnd, stem }
        var atWordStart: Bool
        var body: String
        var end: End
    }

    static let separator = "[\\s\\-–]+"

    /// A phrase as an alternative of the compact form: its words in a row, each a stem or a
    /// whole word, with the checks beside the separators left out.
    static func alternative(forPhrase phrase: String, anchored: Bool) -> Alternative {
        let phrase = regexPhrase(phrase)
        let tokens = phrase.split(whereSeparator: { $0 == " " || $0 == "\t" })
        var atWordStart = false
        var end = Alternative.End.wordEnd
        let words = tokens.enumerated().map { index, token -> String in
            var t = Substring(token)
            let leading = t.hasPrefix("*")
            if leading { t = t.dropFirst() }
            let trailing = t.hasSuffix("*")
            if trailing { t = t.dropLast() }
            var word = NSRegularExpression.escapedPattern(for: String(t))
            if leading { word = "\(wordChar)*" + word }
            if index == 0 { atWordStart = !leading || (anchored && startsWithWordCharacter(t)) }
            if index == tokens.count - 1 {
                end = trailing ? .stem : .wordEnd
            } else if trailing {
                word += "\(wordChar)*"
            }
            return word
        }
        return Alternative(atWordStart: atWordStart, body: words.joined(separator: separator), end: end)
    }

    /// A phrase in the plain form: every word checked at both ends.
    static func plainRegex(forPhrase phrase: String) -> String {
        let phrase = regexPhrase(phrase)
        let tokens = phrase.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let body = tokens.map { token -> String in
            var t = Substring(token)
            let leading = t.hasPrefix("*")
            if leading { t = t.dropFirst() }
            let trailing = t.hasSuffix("*")
            if trailing { t = t.dropLast() }
            let escaped = NSRegularExpression.escapedPattern(for: String(t))
            return (leading ? "\(wordChar)*" : "(?<!\(wordChar))") + escaped + (trailing ? "\(wordChar)*" : "(?!\(wordChar))")
        }
        return "(?:" + body.joined(separator: separator) + ")"
    }

    /// The phrase as the regular expressions read it: a base form (`=valtuusto`) becomes
    /// its stem with stars (`*valtuust*`), what it matches without the morphology libraries.
    static func regexPhrase(_ phrase: String) -> String {
        guard phrase.utf8.contains(UInt8(ascii: "=")) else { return phrase }
        return phrase.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { word -> String in
            guard word.hasPrefix("="), word.count > 1, !word.hasSuffix("*") else { return String(word) }
            return "*" + Morphology.fallbackStem(String(word.dropFirst()).lowercased()) + "*"
        }.joined(separator: " ")
    }

    /// True when every match of the list ends where a word ends and is never empty, so that
    /// anchoring `*stem` keeps every match the same: the list is all stems and phrases, and
    /// none is a lone `*`.
    static func anchorsEveryMatch(_ parts: [Part]) -> Bool {
        parts.allSatisfy { part in
            if case .phrase(let p) = part { return !canMatchEmpty(p) }
            return false
        }
    }

    /// True for a phrase whose first word is `*stem`, the stem starting with a letter or digit.
    static func isAnchorable(_ part: Part) -> Bool {
        guard case .phrase(let written) = part, case let p = regexPhrase(written), let first = p.split(whereSeparator: { $0 == " " || $0 == "\t" }).first,
              first.hasPrefix("*") else { return false }
        var stem = first.dropFirst()
        if stem.hasSuffix("*") { stem = stem.dropLast() }
        return startsWithWordCharacter(stem)
    }

    /// True for a phrase that can match no text: a lone `*` or `**`. (A `=word` term never
    /// can: its fallback stem keeps at least the word's first three letters.)
    static func canMatchEmpty(_ phrase: String) -> Bool {
        let tokens = phrase.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
        guard tokens.count == 1, let t = tokens.first else { return false }
        return t.elementsEqual("*".utf8) || t.elementsEqual("**".utf8)
    }

    private static let wordCharacter = try? NSRegularExpression(pattern: "^" + wordChar, options: [.caseInsensitive])

    /// True when `text` starts with a letter or a digit, as ICU sees them.
    static func startsWithWordCharacter(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first.isASCII {
            // The ASCII letters and digits are exactly the ASCII scalars of \p{L} and \p{N}.
            return ("a"..."z").contains(first) || ("A"..."Z").contains(first) || ("0"..."9").contains(first)
        }
        guard let regex = wordCharacter else { return false }
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

    /// The token lists of which a text must hold a possible start for this pattern to match
    /// in it (`TokenizedText.startLists`; a text the token matcher leaves to regular expressions
    /// may always match); nil when any text may match. Used by `PlanTextIndex`.
    var requiredListIDs: [Int32]? {
        switch (compiled.tokens, compiled.regexOnly) {
        case (let tokens?, nil): return [tokens.id]
        case (let tokens?, _?): return compiled.filter.first.map { [tokens.id, $0.id] }
        case (nil, _): return compiled.filter.first.map { [$0.id] }
        }
    }

    /// True when any alternative occurs in `text`.
    public func isFound(in text: String) -> Bool {
        if let tokens = compiled.tokens {
            let t = MatcherRegistry.shared.tokenized(text)
            if !t.exotic {
                if tokens.firstHit(in: t, fromWord: 0) != nil { return true }
                guard compiled.mayMatchRegex(t), let regex = compiled.regexOnly?.value else { return false }
                return regex.firstMatch(in: text, range: NSRange(location: 0, length: t.length16)) != nil
            }
        }
        if compiled.tokens == nil, !compiled.filter.isEmpty, !compiled.mayMatchRegex(MatcherRegistry.shared.tokenized(text)) { return false }
        guard let regex = compiled.first.value else { return false }
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
        guard limit > 0 else { return [] }
        if let tokens = compiled.tokens {
            let t = MatcherRegistry.shared.tokenized(text)
            if !t.exotic {
                if compiled.regexOnly == nil {
                    return tokens.hits(in: t, limit: limit).map { t.match($0.first, $0.last) }
                }
                if let found = mergedMatches(tokens, t, groupNames: groupNames, limit: limit) { return found }
            }
        } else if !compiled.filter.isEmpty, !compiled.mayMatchRegex(MatcherRegistry.shared.tokenized(text)) {
            return []
        }
        return regexMatches(in: text, groupNames: groupNames, limit: limit)
    }

    /// The matches of a list with both token terms and `/regex/` terms: at each step the
    /// leftmost of the next token match and the next regex match, the list's own regular
    /// expression deciding when both start at the same place, as ICU's alternation would.
    /// Nil when a regex match is empty (left to ICU's rules for those).
    private func mergedMatches(_ tokens: TokenList, _ t: TokenizedText, groupNames: [String], limit: Int) -> [Match]? {
        // The list's whole expression only decides a tie, rarely: it is compiled then (a
        // long list of stems is the costliest expression to compile, for its letter classes).
        guard let regex = compiled.regexOnly?.value else { return nil }
        let text = t.text
        let length = t.length16
        let options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]
        var out: [Match] = []
        var pos = 0
        var nextRegex: NSTextCheckingResult?
        var regexDone = !compiled.mayMatchRegex(t)
        var map: UTF16ToScalarMap?
        func regexMatch(_ r: NSTextCheckingResult) -> Match {
            let m = map ?? UTF16ToScalarMap(text)
            map = m
            let ns = text as NSString
            var match = Match(lower: m.scalarOffset(r.range.location), upper: m.scalarOffset(r.range.location + r.range.length), text: ns.substring(with: r.range))
            for name in groupNames {
                let g = r.range(withName: name)
                if g.location != NSNotFound {
                    match.groups[name] = (m.scalarOffset(g.location), m.scalarOffset(g.location + g.length), ns.substring(with: g))
                }
            }
            return match
        }
        while out.count < limit && pos <= length {
            // The next token match: inside the word `pos` cuts, or from the next word on.
            var token: (start: Int, end: Int, match: Match)?
            let j = t.firstWord(endingAfter16: pos)
            var from = j
            if j < t.count, Int(t.start16[j]) < pos {
                if let p = tokens.partialHit(in: t, word: j, at16: pos) {
                    let m = Match(lower: p.startScalar, upper: Int(t.endScalar[p.last]), text: t.substring(utf8: p.start8, Int(t.end8[p.last])))
                    token = (pos, Int(t.end16[p.last]), m)
                }
                from = j + 1
            }
            if token == nil, let h = tokens.firstHit(in: t, fromWord: from) {
                token = (Int(t.start16[h.first]), Int(t.end16[h.last]), t.match(h.first, h.last))
            }
            if !regexDone && (nextRegex == nil || nextRegex!.range.location < pos) {
                nextRegex = regex.firstMatch(in: text, options: options, range: NSRange(location: pos, length: length - pos))
                if nextRegex == nil { regexDone = true }
            }
            let r = regexDone ? nil : nextRegex
            if let r, r.range.length == 0 { return nil }
            switch (token, r) {
            case (nil, nil):
                return out
            case (let tk?, nil):
                out.append(tk.match)
                pos = tk.end
            case (nil, let r?):
                out.append(regexMatch(r))
                pos = r.range.location + r.range.length
            case (let tk?, let r?):
                if tk.start < r.range.location {
                    out.append(tk.match)
                    pos = tk.end
                } else if r.range.location < tk.start {
                    out.append(regexMatch(r))
                    pos = r.range.location + r.range.length
                } else {
                    guard let every = compiled.every.value,
                          let both = every.firstMatch(in: text, options: options.union(.anchored), range: NSRange(location: tk.start, length: length - tk.start)),
                          both.range.length > 0 else { return nil }
                    out.append(regexMatch(both))
                    pos = both.range.location + both.range.length
                }
            }
        }
        return out
    }

    /// The matches as the list's regular expression finds them.
    func regexMatches(in text: String, groupNames: [String], limit: Int) -> [Match] {
        guard let regex = (limit == 1 ? compiled.first : compiled.every).value else { return [] }
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
    var identity: ObjectIdentifier { ObjectIdentifier(compiled.every) }

    /// True when the list finds its first match with the same expression as every match.
    var firstIsEvery: Bool { compiled.first === compiled.every }

    /// True when the pattern compiles (it is compiled now if it was not yet).
    var compiles: Bool { compiled.every.value != nil && compiled.first.value != nil }
}

extension RandomAccessCollection {
    /// The elements cut into runs of neighbours with the same `key`, in order.
    func runs<Key: Equatable>(by key: (Element) -> Key) -> [SubSequence] {
        var out: [SubSequence] = []
        var start = startIndex
        while start < endIndex {
            var end = index(after: start)
            while end < endIndex && key(self[end]) == key(self[start]) { end = index(after: end) }
            out.append(self[start..<end])
            start = end
        }
        return out
    }
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
    private let fallback: LazyRegex?
    private var compiled: NSRegularExpression?
    private var tried = false
    private let lock = NSLock()

    /// A pattern known to be valid (see `check`), compiled when first matched.
    init(pattern: String, options: NSRegularExpression.Options) {
        self.pattern = { pattern }
        self.options = options
        self.fallback = nil
    }

    /// A pattern known to be valid, written out and compiled when first matched; if ICU
    /// refused it after all, `fallback` is used in its place.
    init(options: NSRegularExpression.Options, fallback: LazyRegex? = nil, pattern: @escaping @Sendable () -> String) {
        self.pattern = pattern
        self.options = options
        self.fallback = fallback
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

    /// True when ICU compiles the pattern itself, without the fallback.
    var compilesOnItsOwn: Bool { (try? NSRegularExpression(pattern: pattern(), options: options)) != nil }

    /// The compiled expression; nil only if ICU refused a pattern that should be valid.
    var value: NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if !tried {
            compiled = (try? NSRegularExpression(pattern: pattern(), options: options)) ?? fallback?.value
            tried = true
        }
        return compiled
    }
}

/// The compiled forms of a list of terms: `every` finds every match; `first` finds the
/// first one, maybe faster (`TermPattern.pattern(of:form:firstMatchOnly:)`). Often the same.
struct CompiledTerms: Sendable {
    let every: LazyRegex
    let first: LazyRegex
    /// The token lists and the regular expressions' word filter, made when first needed.
    let matcher: TokenCompilation
    /// The `/regex/` terms were checked (ICU and `RegexHazard`) when the list was read.
    var checked = true

    /// The stems and phrases for the token matcher (nil: the list is matched by `every`).
    var tokens: TokenList? { matcher.value.tokens }
    /// The list's `/regex/` terms alone, when it also has token terms.
    var regexOnly: LazyRegex? { matcher.value.regexOnly }
    /// Words the regular expressions need (of `regexOnly` if set, else of `every`): a text
    /// missing one is not searched.
    var filter: [TokenList] { matcher.value.filter }

    /// False when `t` lacks a word the regular expressions need.
    func mayMatchRegex(_ t: TokenizedText) -> Bool {
        t.exotic || filter.allSatisfy { t.starts(of: $0.id) != nil }
    }
}

/// A term list's token lists (`TokenList.compile`) and the words its regular expressions
/// need (`TokenList.filter(forRegex:)`), made the first time a text is matched.
///
/// Reading the packs makes a few hundred lists; making their token lists and reading their
/// regular expressions for the words they need was a third of start-up, and commands that
/// only list or explain rules never match. They are made together, all those waiting, as
/// the first text is cut into words (`MatcherRegistry.tokenized`): registered one by one
/// later, each would make every text cut before be cut again. A list read after that (a
/// test's, a pack read later) is made when it is first used.
final class TokenCompilation: @unchecked Sendable {
    typealias Result = (tokens: TokenList?, regexOnly: LazyRegex?, filter: [TokenList])

    /// Dropped once made (it holds the list's terms).
    private var make: (@Sendable () -> Result)?
    private var made: Result?
    private let lock = NSLock()

    init(_ make: @escaping @Sendable () -> Result) {
        self.make = make
        TokenCompilation.waiting.lock.lock()
        TokenCompilation.waiting.list.append(self)
        TokenCompilation.waiting.count += 1
        TokenCompilation.waiting.lock.unlock()
    }

    var value: Result {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let result = make?() ?? (nil, nil, [])
        made = result
        make = nil
        return result
    }

    /// The compilations not made yet (some may have been made through `value` since), and
    /// how many: the count falls only when they are made, so a thread that finds it above
    /// zero waits for the thread making them (on `making`) instead of cutting a text first.
    private final class Waiting: @unchecked Sendable {
        let lock = NSLock()
        let making = NSLock()
        var list: [TokenCompilation] = []
        var count = 0
    }
    private static let waiting = Waiting()

    /// Makes every compilation still waiting, in the order the lists were read. Called
    /// before a text is cut and before the registered lists are counted; never while the
    /// matcher's registry is locked (making one registers lists).
    static func makeWaiting() {
        waiting.lock.lock()
        let any = waiting.count > 0
        waiting.lock.unlock()
        guard any else { return }
        waiting.making.lock()
        defer { waiting.making.unlock() }
        waiting.lock.lock()
        let list = waiting.list
        waiting.list = []
        waiting.lock.unlock()
        for compilation in list { _ = compilation.value }
        waiting.lock.lock()
        waiting.count -= list.count
        waiting.lock.unlock()
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
    /// The cache patterns are compiled into: `shared`, except where a test keeps patterns
    /// it makes on purpose (a list that fails its check) out of the one the others read.
    @TaskLocal static var inUse = shared

    private var patterns: [Key: CompiledTerms] = [:]
    private let lock = NSLock()

    /// The term lists compiled so far (not the single regular expressions).
    var termLists: [[String]] {
        lock.lock()
        defer { lock.unlock() }
        return patterns.keys.filter { !$0.isRegex }.map(\.terms)
    }

    /// The single regular expressions compiled so far (fact extractors').
    var regexes: [String] {
        lock.lock()
        defer { lock.unlock() }
        return patterns.keys.filter(\.isRegex).compactMap(\.terms.first)
    }

    /// Every pattern kept so far.
    var all: [LazyRegex] {
        lock.lock()
        defer { lock.unlock() }
        return patterns.values.flatMap { [$0.every, $0.first] }
    }

    subscript(key: Key) -> CompiledTerms? {
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
