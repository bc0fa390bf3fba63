// Suppression directives: HTML comments in a Markdown plan that accept a finding.
//
// A municipality may have a reason a rule does not fit its plan; it says so in the plan,
// next to the text, with the reason:
//
//   <!-- planlint-disable RULE-ID[, RULE-ID…] -- justification -->    from here to planlint-enable (or the end)
//   <!-- planlint-enable RULE-ID[, RULE-ID…] -->                      ends those rules' disable
//   <!-- planlint-disable-next-line RULE-ID -- justification -->      the line after the comment
//   <!-- planlint-disable-file RULE-ID -- justification -->           the whole file
//
// A suppressed finding stays in the report, marked with the directive and its
// justification, but counts for neither `--fail-on` nor the exit code. Directives are never
// silently ignored: one naming an unknown rule, or malformed, is itself a finding, and one
// without a justification is reported as info. The syntax is documented in docs/suppressions.md.
import Foundation

/// Why a finding is suppressed: the directive and where it is written.
public struct Suppression: Sendable, Codable, Hashable {
    /// Which kind of directive suppresses the finding.
    public enum Directive: String, Sendable, Codable, Hashable {
        case disable
        case disableNextLine = "disable-next-line"
        case disableFile = "disable-file"
        /// A waiver in the configuration (docs/configuration.md).
        case waiver
        /// An entry of the baseline file.
        case baseline
    }

    /// Where the directive is written.
    public struct Location: Sendable, Codable, Hashable {
        public var file: String
        public var start: LineColumn
        public var end: LineColumn
    }

    public var directive: Directive
    /// The text after `--`; nil when the directive gives none.
    public var justification: String?
    public var location: Location
    /// The waiver, when the configuration accepts the finding.
    public var waiver: Waiver? = nil

    /// True when the decision is recorded outside the plan (a waiver or the baseline).
    public var isExternal: Bool { directive == .waiver || directive == .baseline }
}

/// Reads the directives of a plan and applies them to its findings.
public enum Suppressions {
    /// The rules the directives themselves are checked against (not part of any pack).
    public static let unknownRule = BuiltInRule(
        id: "PLANLINT-UNKNOWN-SUPPRESSION", severity: .warning,
        title: Catalogue.suppress.unknownTitle.text, remediation: Catalogue.suppress.unknownFix.text)

    public static let invalidDirective = BuiltInRule(
        id: "PLANLINT-INVALID-SUPPRESSION", severity: .warning,
        title: Catalogue.suppress.invalidTitle.text, remediation: Catalogue.suppress.invalidFix.text)

    public static let unjustified = BuiltInRule(
        id: "PLANLINT-UNJUSTIFIED-SUPPRESSION", severity: .info,
        title: Catalogue.suppress.unjustifiedTitle.text, remediation: Catalogue.suppress.unjustifiedFix.text)

    /// Every built-in rule, for reporters that list rules (SARIF).
    public static let builtInRules = [unknownRule, invalidDirective, unjustified, Waivers.expired]

    static let keywords = ["planlint-disable", "planlint-disable-next-line", "planlint-disable-file", "planlint-enable"]

    /// A directive as written in one comment.
    struct Parsed {
        enum Keyword { case disable, disableNextLine, disableFile, enable }
        var keyword: Keyword
        var name: String
        var rules: [String]
        var justification: String?
    }

    /// Parses a comment's text; nil when it is an ordinary comment (not `planlint-…`), and
    /// `.failure(name)` for an unknown `planlint-` keyword.
    static func parse(_ text: String) -> Result<Parsed, UnknownKeyword>? {
        guard text.hasPrefix("planlint-") else { return nil }
        let name = String(text.prefix { !$0.isWhitespace })
        var rest = Substring(text.dropFirst(name.count))
        var justification: String?
        if let dashes = separator(in: rest) {
            let after = rest[dashes.upperBound...].split(whereSeparator: \.isWhitespace).joined(separator: " ")
            justification = after.isEmpty ? nil : after
            rest = rest[..<dashes.lowerBound]
        }
        let rules = rest.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        let keyword: Parsed.Keyword
        switch name {
        case "planlint-disable": keyword = .disable
        case "planlint-disable-next-line": keyword = .disableNextLine
        case "planlint-disable-file": keyword = .disableFile
        case "planlint-enable": keyword = .enable
        default: return .failure(UnknownKeyword(name: name))
        }
        return .success(Parsed(keyword: keyword, name: name, rules: rules, justification: justification))
    }

    struct UnknownKeyword: Error { var name: String }

    /// The `--` that starts the justification: at the start or after a space or comma.
    private static func separator(in text: Substring) -> Range<Substring.Index>? {
        var from = text.startIndex
        while let r = text.range(of: "--", range: from..<text.endIndex) {
            if r.lowerBound == text.startIndex { return r }
            let before = text[text.index(before: r.lowerBound)]
            if before.isWhitespace || before == "," { return r }
            from = r.upperBound
        }
        return nil
    }

    /// A rule suppressed from `start` (inclusive) up to `end` (exclusive; nil: the end of the file).
    private struct Span {
        var rule: String
        var start: LineColumn
        var end: LineColumn?
        var suppression: Suppression
    }

    /// Marks the findings the plan's directives suppress, counts them in `results`, and
    /// returns the findings about the directives themselves.
    ///
    /// `knownRules` are the ids of every rule of the loaded packs; a directive naming
    /// another id is reported and suppresses nothing. Ids match without regard to case.
    static func apply(comments: [Comment], file: String, knownRules: Set<String>, language: Language,
                      findings: inout [Finding], results: inout [RuleResult]) -> [Finding] {
        guard !comments.isEmpty else { return [] }
        let canonical = Dictionary(knownRules.map { ($0.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var own: [Finding] = []
        var spans: [Span] = []
        var open: [String: Int] = [:]  // rule → index in spans of its open disable
        var nextLine: [Int: [String: Suppression]] = [:]
        var wholeFile: [String: Suppression] = [:]

        let m = Catalogue.suppress
        func report(_ rule: BuiltInRule, _ comment: Comment, _ message: Message, _ values: [String: MessageValue]) {
            own.append(rule.finding(language, message: message.render(language, values), file: file, range: comment.range, evidence: comment.text))
        }

        for comment in comments {
            guard let parsed = parse(comment.text) else { continue }
            let directive: Parsed
            switch parsed {
            case .failure(let unknown):
                report(invalidDirective, comment, m.notADirective, ["name": .text(unknown.name), "known": .text(keywords.joined(separator: ", "))])
                continue
            case .success(let d):
                directive = d
            }
            var rules: [String] = []
            for id in directive.rules {
                if let known = canonical[id.uppercased()] {
                    if !rules.contains(known) { rules.append(known) }
                } else {
                    report(unknownRule, comment, m.unknownRule, ["directive": .text(directive.name), "id": .text(id)])
                }
            }
            let start = LineColumn(line: comment.range.start.line, column: comment.range.start.column)
            let end = LineColumn(line: comment.range.end.line, column: comment.range.end.column)

            if directive.keyword == .enable {
                // Without ids: ends every disable in force. With ids: ends those rules' disables.
                let closing = directive.rules.isEmpty ? Array(open.keys) : rules
                let idle = directive.rules.isEmpty ? (open.isEmpty ? [""] : []) : rules.filter { open[$0] == nil }
                for rule in idle {
                    let named = rule.isEmpty ? "" : " " + rule
                    report(invalidDirective, comment, m.idleEnable, ["rule": .text(named)])
                }
                for rule in closing {
                    if let i = open.removeValue(forKey: rule) { spans[i].end = start }
                }
                continue
            }

            if directive.rules.isEmpty {
                report(invalidDirective, comment, m.noRules, ["directive": .text(directive.name)])
                continue
            }
            guard !rules.isEmpty else { continue }
            if directive.justification == nil {
                report(unjustified, comment, m.unjustified, ["directive": .text(directive.name), "rules": .list(rules), "n": .number(rules.count)])
            }
            let kind: Suppression.Directive
            switch directive.keyword {
            case .disable: kind = .disable
            case .disableNextLine: kind = .disableNextLine
            case .disableFile, .enable: kind = .disableFile
            }
            let suppression = Suppression(directive: kind, justification: directive.justification,
                                          location: Suppression.Location(file: file, start: start, end: end))
            for rule in rules {
                switch directive.keyword {
                case .disable:
                    if open[rule] == nil {
                        open[rule] = spans.count
                        spans.append(Span(rule: rule, start: end, end: nil, suppression: suppression))
                    }
                case .disableNextLine:
                    nextLine[end.line + 1, default: [:]][rule] = nextLine[end.line + 1]?[rule] ?? suppression
                case .disableFile, .enable:
                    if wholeFile[rule] == nil { wholeFile[rule] = suppression }
                }
            }
        }

        var counts: [String: Int] = [:]
        for i in findings.indices {
            let f = findings[i]
            let s = nextLine[f.start.line]?[f.ruleID]
                ?? spans.first(where: { $0.rule == f.ruleID && $0.start <= f.start && ($0.end.map { f.start < $0 } ?? true) })?.suppression
                ?? wholeFile[f.ruleID]
            if let s {
                findings[i].suppressed = s
                counts[f.ruleID, default: 0] += 1
            }
        }
        for i in results.indices {
            results[i].suppressed = counts[results[i].rule] ?? 0
        }
        return own
    }
}

/// A rule of planlint itself (about suppression directives), not of any pack.
public struct BuiltInRule: Sendable {
    public var id: String
    public var severity: Severity
    public var title: Localized
    public var remediation: Localized
    /// The pack name findings of built-in rules carry.
    public static let pack = "planlint"

    func finding(_ language: Language, message: String, file: String, range: SourceRange, evidence: String) -> Finding {
        Finding(ruleID: id, title: title[language], severity: severity, message: message, remediation: remediation[language], file: file,
                start: LineColumn(line: range.start.line, column: range.start.column),
                end: LineColumn(line: range.end.line, column: range.end.column),
                path: nil, section: nil, evidence: Engine.excerpt(evidence), origin: nil, citation: nil,
                pack: BuiltInRule.pack, packVersion: PlanLintVersion.current)
    }
}
