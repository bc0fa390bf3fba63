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
    /// The packs' `derive:` declarations combined, in the order they run.
    public let derive: DeriveSection
    let extractors: [FactExtractor]
    /// The check plugins the user's configuration enables; none unless set (docs/plugins.md).
    public var plugins = PluginSet()

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
                    var message = "pack '\(pack.id)' overrides rule '\(id)', which no loaded pack defines"
                    if let near = Suggestions.closest(to: id, in: known.sorted()) { message += " (did you mean '\(near)'?)" }
                    errors.append(InputError(.invalidPack, file: o.file.isEmpty ? pack.origin : o.file, at: o.at, message))
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
        let allIDs = Set(packs.flatMap { $0.rules.map(\.id) })
        let practiceIDs = Set(packs.flatMap { $0.rules.filter { $0.kind == .practice }.map(\.id) })
        for a in active {
            for id in a.rule.coveredBy where practiceIDs.contains(id) {
                errors.append(InputError(.invalidPack, file: a.rule.definedIn, at: a.rule.coveredByAt ?? a.rule.definedAt,
                                         "rule '\(a.rule.id)': covered_by names '\(id)', a practice rule; only a statutory rule can cover another"))
            }
            for id in a.rule.coveredBy where !allIDs.contains(id) {
                var message = "rule '\(a.rule.id)': covered_by names rule '\(id)', which no loaded pack defines"
                if let near = NodeReader.closest(to: id, in: allIDs.sorted()) { message += " (did you mean '\(near)'?)" }
                errors.append(InputError(.invalidPack, file: a.rule.definedIn, at: a.rule.coveredByAt ?? a.rule.definedAt, message))
            }
        }
        let derive = Engine.combine(packs.map(\.derive))
        errors += Engine.unresolved(packs.flatMap(\.references) + active.flatMap(\.rule.references), derive)
        errors += active.flatMap { Engine.unknownPlaceholders($0.rule) }
        guard errors.isEmpty else { throw InputErrors(errors) }
        self.derive = derive
        self.profiles = profiles
        self.packs = packs
        self.rules = active
        self.extractors = packs.flatMap(\.facts)
    }

    /// Checks one plan. `coverage`: show a rule's failure as covered when a rule that covers
    /// it fails too (off for rule examples, which test each rule's own check).
    public func check(_ plan: Plan, asOf: PlanDate, language: Language? = nil, coverage: Bool = true) -> PlanReport {
        let context = EvaluationContext(plan: plan, asOf: asOf, language: language ?? .fi, extractors: extractors, derive: derive)
        Decider(derivations: derive.derivations, profiles: profiles).run(on: context, language: language)
        let lang = context.language
        var evaluator = CheckEvaluator(context: context, plugins: plugins)
        var findings: [Finding] = []
        var results: [RuleResult] = []
        // Why a rule does not apply depends on its `applies:` only (not on where it is
        // written), and most rules share one with others: worked out once per plan.
        var notApplicableFor: [Applicability: (plan: Localized, rule: Localized)?] = [:]
        for active in rules {
            let rule = active.rule
            var result = RuleResult(rule: rule.id, title: rule.title[lang], severity: rule.severity, kind: rule.kind,
                                    citation: rule.citation?.formatted(lang), pack: active.pack.id, status: .pass, reason: nil, notes: [], findings: 0)
            if let why = needsDecidedLaw(rule.applies, context) {
                result.status = .needsReview
                result.reason = why[lang]
                results.append(result)
                continue
            }
            var applies = rule.applies
            applies.profileNode = nil
            let known = notApplicableFor[applies]
            let why = known ?? notApplicable(applies, context)
            if known == nil { notApplicableFor[applies] = .some(why) }
            if let reason = why {
                result.status = .notApplicable
                result.condition = reason.plan[lang]
                result.reason = reason.rule[lang].isEmpty ? reason.plan[lang] : Catalogue.engine.because.render(lang, ["plan": .text(reason.plan[lang]), "rule": .text(reason.rule[lang])])
                results.append(result)
                continue
            }
            evaluator.rule = rule.id
            let outcome = evaluator.evaluate(rule.check)
            result.notes = outcome.notes
            findings += PluginCheck.failureFindings(outcome.notes, plan: plan, language: lang)
            if outcome.passed {
                if let question = rule.review, !outcome.notes.contains(where: PluginCheck.isPluginNote) {
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
        if coverage { Engine.applyCoverage(rules, language: lang, findings: &findings, results: &results) }
        if !context.profileCandidates.isEmpty {
            // Said once: the version of the law is undecided, and what would decide it.
            let at = plan.allSections.first?.titleRange ?? SourceRange(at: .start)
            let why = context.profileReason[lang]
            findings.append(Engine.lawUndecided.finding(lang, message: why.prefix(1).uppercased() + why.dropFirst() + ".", file: plan.file, range: at,
                                                        evidence: plan.allSections.first?.title ?? ""))
        }
        let directives = Suppressions.apply(comments: plan.comments, file: plan.file, knownRules: Set(packs.flatMap { $0.rules.map(\.id) }),
                                            language: lang, findings: &findings, results: &results)
        findings += directives
        // Keys a loaded pack declares it reads (plan_keys:) are known, not typos.
        let packKeys = Set(packs.flatMap(\.planKeys))
        let warnings = (plan.keyWarnings + (plan.sidecar?.keyWarnings ?? [])).filter { !($0.parent.isEmpty && packKeys.contains($0.key)) }
        findings += PlanKeys.findings(warnings, language: lang)
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
        var report = PlanReport(file: plan.file, title: title, language: lang, asOf: asOf,
                          status: context.values["status"] ?? Decided(value: .undecided, reasons: .none),
                          scope: context.values["scope"] ?? Decided(value: .undecided, reasons: .none),
                          referenceDate: context.dates["reference_date"] ?? Decided(value: asOf, reasons: .none),
                          profile: context.profile, decisions: context.decisions, findings: findings, results: results, sourceLines: sourceLines)
        report.otherSourceLines = otherSourceLines
        return report
    }

    /// The packs' declarations combined: a derivation declared by several packs takes the
    /// values of all of them, and the rules of a later pack (one that extends another) are
    /// tried before the rules of the pack it builds on.
    static func combine(_ sections: [DeriveSection]) -> DeriveSection {
        var out = DeriveSection()
        for section in sections {
            if let m = section.sectionMap { out.sectionMap = m }
            for d in section.derivations {
                guard let i = out.derivations.firstIndex(where: { $0.name == d.name }) else {
                    out.derivations.append(d)
                    continue
                }
                var merged = out.derivations[i]
                for v in d.values where merged.label(of: v.name) == nil { merged.values.append(v) }
                merged.rules = d.rules + merged.rules
                if let n = d.notApplicable { merged.notApplicable = n }
                if let r = d.profileReason { merged.profileReason = r }
                if let r = d.profileNone { merged.profileNone = r }
                out.derivations[i] = merged
            }
        }
        return out
    }

    /// The placeholders a check can fill in a rule's message (besides the names a rule binds
    /// with `as:`, and `{fact:PATH}`). A name outside these would print as written.
    static let checkPlaceholders: Set<String> = [
        "column", "columns", "count", "date", "due", "expected", "found", "item", "limit", "max", "min", "missing",
        "path", "reference", "row", "scope", "section", "status", "terms", "value", "years",
    ]

    /// A `{name}` in a rule's message or remediation that nothing fills, as an error at the rule.
    static func unknownPlaceholders(_ rule: Rule) -> [InputError] {
        let bound = Set(rule.references.filter { $0.kind == .binding }.map(\.name))
        let texts = [rule.messages.violation, rule.messages.missing, rule.messages.invalid, rule.messages.empty, rule.remediation].compactMap { $0 }
        var unknown: [String] = []
        for t in texts {
            for l in Language.allCases {
                for name in MessageTemplate.names(in: t[l]) where !name.hasPrefix("fact:") && !checkPlaceholders.contains(name) && !bound.contains(name) && !unknown.contains(name) {
                    unknown.append(name)
                }
            }
        }
        let known = (checkPlaceholders.union(bound)).sorted()
        return unknown.map { name in
            var message = "rule \(rule.id): the message names the placeholder {\(name)}, which no check of the rule fills"
            if let near = Suggestions.closest(to: name, in: known) { message += " (did you mean {\(near)}?)" }
            else { message += " (placeholders: \(known.map { "{\($0)}" }.joined(separator: ", ")), {fact:PATH})" }
            return InputError(.invalidPack, file: rule.definedIn, at: rule.definedAt, message)
        }
    }

    /// Names the packs use that no pack declares, as errors at their positions.
    static func unresolved(_ references: [PackReference], _ derive: DeriveSection) -> [InputError] {
        let names = derive.derivations.map(\.name)
        let variables = names + CheckParser.engineVariables.sorted()
        func suggest(_ name: String, _ known: [String], _ prefix: String = "") -> String {
            if let near = NodeReader.closest(to: name, in: known) { return " (did you mean '\(prefix)\(near)'?)" }
            return " (known: \(known.isEmpty ? "none" : known.map { prefix + $0 }.joined(separator: ", ")))"
        }
        var errors: [InputError] = []
        for r in references {
            switch r.kind {
            case .variable where !variables.contains(r.name):
                errors.append(InputError(.invalidPack, file: r.file, at: r.at, "unknown variable '$\(r.name)'" + suggest(r.name, variables, "$")))
            case .derived where !names.contains(r.name):
                errors.append(InputError(.invalidPack, file: r.file, at: r.at, "'\(r.name)' is not a value the packs decide (derive:)" + suggest(r.name, names)))
            case .value(let of):
                guard let d = derive.derivations.first(where: { $0.name == of }) else {
                    if names.contains(of) || !references.contains(where: { $0.kind == .derived && $0.name == of && $0.file == r.file && $0.at.line == r.at.line }) {
                        errors.append(InputError(.invalidPack, file: r.file, at: r.at, "'\(of)' is not a value the packs decide (derive:)" + suggest(of, names)))
                    }
                    continue
                }
                if d.label(of: r.name) == nil {
                    errors.append(InputError(.invalidPack, file: r.file, at: r.at, "unknown \(of) '\(r.name)'" + suggest(r.name, d.values.map(\.name))))
                }
            case .profileScope:
                guard let name = derive.derivations.first(where: { $0.kind == .profile })?.profileScope,
                      let d = derive.derivations.first(where: { $0.name == name }) else {
                    errors.append(InputError(.invalidPack, file: r.file, at: r.at, "profiles need a derivation of kind profile in derive: that names the value they are chosen by"))
                    continue
                }
                if d.label(of: r.name) == nil {
                    errors.append(InputError(.invalidPack, file: r.file, at: r.at, "unknown \(name) '\(r.name)'" + suggest(r.name, d.values.map(\.name))))
                }
            case .binding where names.contains(r.name):
                errors.append(InputError(.invalidPack, file: r.file, at: r.at, "'\(r.name)' is a value the packs decide; choose another name"))
            default:
                break
            }
        }
        return errors
    }

    /// Why a rule does not apply to the plan, in each language: the plan's side (its version
    /// of the law, scope, status or date, shared by every rule it rules out) and the rule's;
    /// nil when the rule applies.
    private func notApplicable(_ a: Applicability, _ c: EvaluationContext) -> (plan: Localized, rule: Localized)? {
        let m = Catalogue.engine
        if let wanted = a.profiles {
            // Versions of the law by their titles; an id no loaded pack defines (refused at
            // load) would show as written.
            let titles = wanted.sorted().map { id in profiles.first { $0.id == id }?.title ?? Localized(same: id) }
            let rule = m.ruleProfiles.localized(["profiles": .labels(titles)])
            guard let p = c.profile else {
                return (m.noProfileCovers.localized(["why": .label(c.profileReason)]), rule)
            }
            if !wanted.contains(p.value.id) {
                return (m.planProfile.localized(["profile": .label(p.value.title)]), rule)
            }
        }
        for restriction in a.decided {
            let value = c.values[restriction.name]
            guard !restriction.values.contains(value?.value.rawValue ?? "") else { continue }
            let d = c.derivations[restriction.name]
            let title = d?.title ?? Localized(same: restriction.name)
            let label = value?.value.label ?? m.undecided.localized()
            let values: [String: Placeholder] = [
                "name": .label(title), "value": .label(label), "label": .label(label),
                "reason": .label(value?.reasons ?? .none), "why": .label(value?.reasons ?? .none),
            ]
            // The plan's side in the pack's words (derive: … not_applicable), else the engine's.
            let plan = d?.notApplicable.map { Decider.fill($0, values) } ?? m.planDecided.localized(values)
            let wanted = restriction.values.sorted().map { d?.label(of: $0) ?? Localized(same: $0) }
            return (plan, m.ruleDecided.localized(["name": .label(title), "wanted": .labels(wanted)]))
        }
        guard let refDate = c.dates["reference_date"] else { return nil }
        let d = refDate.value, r = refDate.reasons
        if let from = a.lawFrom, d < from {
            return (m.beforeLaw.localized(["date": .date(d), "why": .label(r), "from": .date(from)]), .none)
        }
        if let until = a.lawUntil, d > until {
            return (m.afterLaw.localized(["date": .date(d), "why": .label(r), "until": .date(until)]), .none)
        }
        return nil
    }

    /// planlint's own finding when no date of the plan decides the version of the law.
    static let lawUndecided = BuiltInRule(id: "PLANLINT-LAW-UNDECIDED", severity: .warning,
                                          title: Catalogue.engine.lawUndecidedTitle.text, remediation: Catalogue.engine.lawUndecidedFix.text)

    /// When the version of the law is undecided (several candidates): why a rule that holds
    /// under only some of them needs review. Nil when the rule holds under all candidates (it
    /// runs) or under none (it does not apply), or when the version is decided.
    private func needsDecidedLaw(_ a: Applicability, _ c: EvaluationContext) -> Localized? {
        let candidates = c.profileCandidates
        guard !candidates.isEmpty else { return nil }
        // Per candidate: the rule holds under it entirely, not at all, or for part of its window.
        var holds = candidates.map { _ in true }
        var partly = false
        for (i, p) in candidates.enumerated() {
            if let wanted = a.profiles, !wanted.contains(p.id) { holds[i] = false; continue }
            // A rule of a version of the statute (law_in_force) holds under a candidate whose
            // whole window lies inside the rule's, and not under one whose window lies outside.
            if let from = a.lawFrom, p.from.map({ $0 < from }) ?? true {
                holds[i] = false
                if p.until.map({ $0 >= from }) ?? true { partly = true }
            }
            if let until = a.lawUntil, p.until.map({ $0 > until }) ?? true {
                holds[i] = false
                if p.from.map({ $0 <= until }) ?? true { partly = true }
            }
        }
        let count = holds.filter { $0 }.count
        guard (count > 0 && count < candidates.count) || (count == 0 && partly) else { return nil }
        let some = zip(candidates, holds).filter(\.1).map(\.0.title)
        return Catalogue.engine.ruleNeedsLaw.localized(["profiles": .labels(some), "why": .label(c.profileReason)])
    }

    /// One fact, one finding: a failing rule that a failing rule covers (`covered_by`) is
    /// shown as covered, and its findings are dropped.
    static func applyCoverage(_ rules: [ActiveRule], language: Language, findings: inout [Finding], results: inout [RuleResult]) {
        let failed = Set(results.filter { $0.status == .fail }.map(\.rule))
        var byID: [String: Rule] = [:]
        for a in rules where !a.rule.coveredBy.isEmpty { byID[a.rule.id] = a.rule }
        guard !byID.isEmpty else { return }
        for i in results.indices where results[i].status == .fail {
            guard let rule = byID[results[i].rule], let by = rule.coveredBy.first(where: { failed.contains($0) }) else { continue }
            results[i].status = .covered
            results[i].coveredBy = by
            results[i].reason = Catalogue.engine.coveredBy.render(language, ["rule": .text(by)])
            results[i].findings = 0
            findings.removeAll { $0.ruleID == rule.id }
        }
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
        if let own = v.message { template = own }
        var range = v.range
        if range == nil || v.reason == .missing, let anchor = rule.anchor,
           let node = context.resolve(anchor, item: nil, bindings: [:]).nonEmpty.first?.node {
            range = node.range
        }
        var values = v.values.mapValues { Engine.labelled($0, rule.labels) }
        for name in Engine.factPlaceholders(in: [template[lang], rule.remediation[lang]]) {
            let path = String(name.dropFirst("fact:".count))
            guard let p = try? FactPath(parsing: path), let text = context.resolve(p, item: nil, bindings: [:]).nonEmpty.first?.text else {
                values[name] = MessageValue.text("?")
                continue
            }
            values[name] = PlanDate(parsing: text).map { MessageValue.date($0) } ?? Engine.labelled(.text(text), rule.labels)
        }
        let r = range ?? SourceRange(at: .start)
        return Finding(ruleID: rule.id, title: rule.title[lang], severity: rule.severity,
                       message: MessageTemplate.fill(template[lang], values, lang), remediation: MessageTemplate.fill(rule.remediation[lang], values, lang),
                       file: v.origin == .sidecar ? (context.plan.sidecar?.file ?? context.plan.file) : context.plan.file,
                       start: LineColumn(line: r.start.line, column: r.start.column),
                       end: LineColumn(line: r.end.line, column: r.end.column),
                       path: v.path, section: v.section, evidence: v.evidence.map { Engine.excerpt($0) }, origin: v.origin,
                       citation: rule.citation, pack: pack.id, packVersion: pack.version)
    }

    /// Why a check could not decide, in each language.
    static func undecidedReason(_ note: Note) -> Localized {
        if PluginCheck.isPluginNote(note) { return PluginCheck.messages.reason(note) }
        if let path = note["path"] { return Catalogue.engine.noReferenceAt.localized(["path": .text(path)]) }
        return Catalogue.engine.noReference.text
    }

    static var invalidDateMessage: Localized { Catalogue.engine.invalidDate.text }

    /// The `{fact:PATH}` placeholders used in the templates.
    static func factPlaceholders(in templates: [String]) -> Set<String> {
        var names = Set<String>()
        for t in templates {
            var rest = Substring(t)
            while let r = rest.firstRange(of: "{fact:") {
                guard let close = rest[r.upperBound...].firstIndex(of: "}") else { break }
                names.insert("fact:" + rest[r.upperBound..<close])
                rest = rest[close...]
            }
        }
        return names
    }

    /// A code value written through the rule's label for it, if it has one.
    static func labelled(_ value: MessageValue, _ labels: [String: Localized]) -> MessageValue {
        guard !labels.isEmpty else { return value }
        switch value {
        case .text(let t): return labels[t].map { .label($0) } ?? value
        case .list(let items) where items.contains(where: { labels[$0] != nil }):
            return .labels(items.map { labels[$0] ?? Localized(same: $0) })
        default: return value
        }
    }

    /// A one-line excerpt of at most 120 characters.
    static func excerpt(_ text: String) -> String {
        let one = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return one.count > 120 ? String(one.prefix(117)) + "…" : one
    }
}
