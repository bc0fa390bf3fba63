// The engine: every applicable rule of the loaded packs on every plan.
//
// Plans are independent, so they are read and checked in parallel on all cores; results
// come back in the order the plans were given, so output is deterministic.
import Foundation

/// A rule as the engine runs it: with its pack and any override applied.
public struct ActiveRule: Sendable {
    public var rule: Rule
    public var pack: RulePack
}

/// Evaluates rule packs on plans.
public struct Engine: Sendable {
    public let packs: [RulePack]
    public let rules: [ActiveRule]
    /// The versions of the law, from every pack, in the order the packs list them.
    public let profiles: [Profile]
    let extractors: [FactExtractor]

    /// Combines packs: checks `extends`, applies overrides, refuses duplicate rule ids.
    public init(packs: [RulePack]) throws(InputErrors) {
        var errors: [InputError] = []
        let ids = Set(packs.map(\.id))
        for pack in packs {
            for base in pack.extends where !ids.contains(base) {
                errors.append(InputError(.invalidPack, file: pack.origin, "pack '\(pack.id)' extends '\(base)', which is not loaded"))
            }
        }
        var overrides: [String: RuleOverride] = [:]
        var known = Set<String>()
        for pack in packs { known.formUnion(pack.rules.map(\.id)) }
        for pack in packs {
            for (id, o) in pack.overrides {
                if !known.contains(id) {
                    errors.append(InputError(.invalidPack, file: pack.origin, "pack '\(pack.id)' overrides rule '\(id)', which no loaded pack defines"))
                }
                overrides[id] = o
            }
        }
        var seen: [String: String] = [:]
        var active: [ActiveRule] = []
        for pack in packs {
            for var rule in pack.rules {
                if let other = seen[rule.id] {
                    errors.append(InputError(.invalidPack, file: rule.definedIn, at: rule.definedAt, "rule '\(rule.id)' is also defined by pack '\(other)'"))
                    continue
                }
                seen[rule.id] = pack.id
                if let o = overrides[rule.id] {
                    if o.disabled { continue }
                    if let s = o.severity { rule.severity = s }
                }
                active.append(ActiveRule(rule: rule, pack: pack))
            }
        }
        var profiles: [Profile] = []
        for pack in packs {
            for p in pack.profiles {
                if let other = profiles.first(where: { $0.id == p.id }) {
                    errors.append(InputError(.invalidPack, file: pack.origin, "profile '\(p.id)' is also defined by pack '\(other.pack)'"))
                } else {
                    profiles.append(p)
                }
            }
        }
        let profileIDs = Set(profiles.map(\.id))
        for a in active {
            for id in (a.rule.applies.profiles ?? []).sorted() where !profileIDs.contains(id) {
                let known = profileIDs.sorted().joined(separator: ", ")
                errors.append(InputError(.invalidPack, file: a.rule.definedIn, at: a.rule.applies.profileNode ?? a.rule.definedAt,
                                         "rule '\(a.rule.id)': unknown profile '\(id)' (loaded profiles: \(known.isEmpty ? "none" : known))"))
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        self.profiles = profiles
        self.packs = packs
        self.rules = active
        self.extractors = packs.flatMap(\.facts)
    }

    /// Checks one plan.
    public func check(_ plan: Plan, asOf: PlanDate, language: Language? = nil) -> PlanReport {
        let lang = language ?? Engine.language(of: plan)
        let context = EvaluationContext(plan: plan, asOf: asOf, language: lang, extractors: extractors, profiles: profiles)
        let evaluator = CheckEvaluator(context: context)
        var findings: [Finding] = []
        var results: [RuleResult] = []
        for active in rules {
            let rule = active.rule
            var result = RuleResult(rule: rule.id, title: rule.title[lang], severity: rule.severity, kind: rule.kind,
                                    citation: rule.citation?.formatted(lang), pack: active.pack.id, status: .pass, reason: nil, notes: [], findings: 0)
            if let reason = notApplicable(rule.applies, context) {
                result.status = .notApplicable
                result.reason = reason[lang]
                results.append(result)
                continue
            }
            let outcome = evaluator.evaluate(rule.check)
            result.notes = outcome.notes
            if outcome.passed {
                if let question = rule.review {
                    result.status = .needsReview
                    result.reason = question[lang]
                } else if let undecided = outcome.notes.first(where: { $0.kind == .undecided }) {
                    result.status = .needsReview
                    result.reason = Engine.undecidedReason(undecided)[lang]
                }
                results.append(result)
                continue
            }
            let violations = outcome.violations.isEmpty ? [Violation(reason: .violation)] : outcome.violations
            for v in violations {
                findings.append(finding(v, rule: rule, pack: active.pack, context: context))
            }
            result.status = .fail
            result.findings = violations.count
            results.append(result)
        }
        let directives = Suppressions.apply(comments: plan.comments, file: plan.file, knownRules: Set(packs.flatMap { $0.rules.map(\.id) }),
                                            language: lang, findings: &findings, results: &results)
        findings += directives
        findings += PlanKeys.findings(plan.keyWarnings + (plan.sidecar?.keyWarnings ?? []), language: lang)
        findings.sort { ($0.start, $0.ruleID, $0.end) < ($1.start, $1.ruleID, $1.end) }
        if !plan.locations.isEmpty {
            for i in findings.indices where findings[i].file == plan.file { findings[i].location = plan.locations.location(line: findings[i].start.line, column: findings[i].start.column) }
        }
        var sourceLines: [Int: String] = [:]
        var otherSourceLines: [String: [Int: String]] = [:]
        for f in findings {
            if f.file == plan.file {
                sourceLines[f.start.line] = plan.line(f.start.line)
            } else if let side = plan.sidecar, f.file == side.file, f.start.line >= 1, f.start.line <= side.lines.count {
                otherSourceLines[side.file, default: [:]][f.start.line] = side.lines[f.start.line - 1]
            }
        }
        let title = plan.facts?["plan"]?["title"]?.scalar?.text ?? plan.allSections.first?.title
        var report = PlanReport(file: plan.file, title: title, language: lang, asOf: asOf, status: context.status, scope: context.scope,
                          referenceDate: context.referenceDate, profile: context.profile, findings: findings, results: results, sourceLines: sourceLines)
        report.otherSourceLines = otherSourceLines
        return report
    }

    /// Reads and checks many plans on all cores; the results keep the order of `files`.
    public func check(files: [String], asOf: PlanDate, language: Language? = nil) -> [PlanOutcome] {
        let results = ResultSlots<PlanOutcome>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let outcome: PlanOutcome
            do throws(InputError) {
                let plan = try PlanReader.read(file: files[i])
                outcome = .checked(check(plan, asOf: asOf, language: language))
            } catch {
                outcome = .failed(error)
            }
            results.set(i, outcome)
        }
        return results.values
    }

    /// The plan's language: `plan.language`, else a guess from common words, else Finnish.
    public static func language(of plan: Plan) -> Language {
        if let text = plan.facts?["plan"]?["language"]?.scalar?.text.lowercased(), let l = Language(rawValue: text) {
            return l
        }
        var sv = 0, fi = 0
        let svWords: Set<Substring> = ["och", "för", "att", "är", "som", "av", "med", "barn", "unga"]
        let fiWords: Set<Substring> = ["ja", "on", "sekä", "että", "lasten", "nuorten", "kunnan", "ovat"]
        for block in plan.body.allBlocks.prefix(200) {
            for t in block.textBlocks {
                for w in t.text.lowercased().split(whereSeparator: { !$0.isLetter }) {
                    if svWords.contains(w) { sv += 1 }
                    if fiWords.contains(w) { fi += 1 }
                }
            }
        }
        return sv > fi ? .sv : .fi
    }

    /// Why a rule does not apply to the plan, in each language; nil when it applies.
    private func notApplicable(_ a: Applicability, _ c: EvaluationContext) -> Localized? {
        func list<S: Sequence>(_ items: S) -> String where S.Element == String { items.sorted().joined(separator: ", ") }
        if let wanted = a.profiles {
            let w = list(wanted)
            guard let p = c.profile else {
                let r = c.profileReason
                return Localized(fi: "mikään ladattu profiili ei kata suunnitelmaa (\(r.fi)); sääntö kuuluu profiileihin \(w)",
                                 sv: "ingen laddad profil täcker planen (\(r.sv)); regeln hör till \(w)",
                                 en: "no profile of the loaded packs covers this plan (\(r.en)); the rule belongs to \(w)")
            }
            if !wanted.contains(p.value.id) {
                let id = p.value.id
                return Localized(fi: "profiili \(id); sääntö kuuluu profiileihin \(w)", sv: "profil \(id); regeln hör till \(w)",
                                 en: "profile \(id); the rule belongs to \(w)")
            }
        }
        if let scopes = a.scopes, !scopes.contains(c.scope.value) {
            let v = c.scope.value.rawValue, r = c.scope.reasons, w = list(scopes.map(\.rawValue))
            return Localized(fi: "laajuus \(v) (\(r.fi)); sääntöä sovelletaan laajuuteen \(w)", sv: "omfattning \(v) (\(r.sv)); regeln gäller \(w)",
                             en: "scope \(v) (\(r.en)); the rule applies to \(w)")
        }
        if let statuses = a.statuses, !statuses.contains(c.status.value) {
            let v = c.status.value.rawValue, r = c.status.reasons, w = list(statuses.map(\.rawValue))
            return Localized(fi: "tila \(v) (\(r.fi)); sääntöä sovelletaan tilaan \(w)", sv: "status \(v) (\(r.sv)); regeln gäller \(w)",
                             en: "status \(v) (\(r.en)); the rule applies to \(w)")
        }
        let d = c.referenceDate.value, r = c.referenceDate.reasons
        if let from = a.lawFrom, d < from {
            return Localized(fi: "viitepäivä \(d.formatted(for: .fi)) (\(r.fi)) on ennen \(from.formatted(for: .fi)) voimaan tullutta lain versiota",
                             sv: "referensdatumet \(d.formatted(for: .sv)) (\(r.sv)) är före lagversionen som trädde i kraft \(from.formatted(for: .sv))",
                             en: "reference date \(d.iso) (\(r.en)) is before the law version in force from \(from.iso)")
        }
        if let until = a.lawUntil, d > until {
            return Localized(fi: "viitepäivä \(d.formatted(for: .fi)) (\(r.fi)) on \(until.formatted(for: .fi)) asti voimassa olleen lain version jälkeen",
                             sv: "referensdatumet \(d.formatted(for: .sv)) (\(r.sv)) är efter lagversionen som gällde till \(until.formatted(for: .sv))",
                             en: "reference date \(d.iso) (\(r.en)) is after the law version in force until \(until.iso)")
        }
        return nil
    }

    private func finding(_ v: Violation, rule: Rule, pack: RulePack, context: EvaluationContext) -> Finding {
        let lang = context.language
        var template = rule.messages.violation
        switch v.reason {
        case .missing: template = rule.messages.missing ?? template
        case .invalid: template = rule.messages.invalid ?? Engine.invalidDateMessage
        case .empty: template = rule.messages.empty ?? rule.messages.missing ?? template
        case .violation: break
        }
        var range = v.range
        if range == nil || v.reason == .missing, let anchor = rule.anchor,
           let node = context.resolve(anchor, item: nil, bindings: [:]).nonEmpty.first?.node {
            range = node.range
        }
        var values = v.values
        for name in Engine.factPlaceholders(in: [template[lang], rule.remediation[lang]]) {
            let path = String(name.dropFirst("fact:".count))
            guard let p = try? FactPath(parsing: path), let text = context.resolve(p, item: nil, bindings: [:]).nonEmpty.first?.text else {
                values[name] = .text("?")
                continue
            }
            values[name] = PlanDate(parsing: text).map { Placeholder.date($0) } ?? .text(text)
        }
        let r = range ?? SourceRange(at: .start)
        return Finding(ruleID: rule.id, title: rule.title[lang], severity: rule.severity,
                       message: Engine.render(template[lang], values, lang), remediation: Engine.render(rule.remediation[lang], values, lang),
                       file: v.origin == .sidecar ? (context.plan.sidecar?.file ?? context.plan.file) : context.plan.file,
                       start: LineColumn(line: r.start.line, column: r.start.column),
                       end: LineColumn(line: r.end.line, column: r.end.column),
                       path: v.path, section: v.section, evidence: v.evidence.map { Engine.excerpt($0) }, origin: v.origin,
                       citation: rule.citation, pack: pack.id, packVersion: pack.version)
    }

    /// Why a check could not decide, in each language.
    static func undecidedReason(_ note: Note) -> Localized {
        if let path = note["path"] {
            return Localized(fi: "vertailupäivää ei ole (\(path)), joten ehtoa ei voitu ratkaista",
                             sv: "inget referensdatum (\(path)), så villkoret kunde inte avgöras",
                             en: "no reference date (\(path)), so the condition could not be decided")
        }
        return Localized(fi: "vertailuarvoa ei ole, joten ehtoa ei voitu ratkaista", sv: "inget värde att jämföra med, så villkoret kunde inte avgöras",
                         en: "nothing to compare with, so the condition could not be decided")
    }

    static let invalidDateMessage = Localized(
        fi: "{path}: '{value}' ei ole kelvollinen päivämäärä (odotettiin muotoa VVVV-KK-PP tai p.k.vvvv).",
        sv: "{path}: '{value}' är inte ett giltigt datum (väntade ÅÅÅÅ-MM-DD eller d.m.åååå).",
        en: "{path}: '{value}' is not a valid date (expected YYYY-MM-DD or d.m.yyyy).")

    /// The `{fact:PATH}` placeholders used in the templates.
    static func factPlaceholders(in templates: [String]) -> Set<String> {
        var names = Set<String>()
        for t in templates {
            var rest = Substring(t)
            while let r = rest.range(of: "{fact:") {
                guard let close = rest[r.upperBound...].firstIndex(of: "}") else { break }
                names.insert("fact:" + rest[r.upperBound..<close])
                rest = rest[close...]
            }
        }
        return names
    }

    /// Fills `{name}` placeholders; an unknown placeholder is left as written.
    static func render(_ template: String, _ values: [String: Placeholder], _ language: Language) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let v = values[name] { out += v.rendered(language) } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// A one-line excerpt of at most 120 characters.
    static func excerpt(_ text: String) -> String {
        let one = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return one.count > 120 ? String(one.prefix(117)) + "…" : one
    }
}

/// Slots filled from several threads, one slot per index.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    var values: [T] { slots.compactMap { $0 } }
}
