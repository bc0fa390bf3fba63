// Runs the packs' `derive:` declarations on one plan, in the order declared: each
// derivation's rules are tried in order and the first that matches decides the value and
// gives the reason. A later derivation may use an earlier one (`$status` in a condition).
//
// The decider knows no derived value by name, no law and no wording: the values, the
// conditions and the reasons all come from the packs. It may read the plan's facts
// (EvaluationContext) and run checks as conditions; it must not produce findings.
import Foundation

struct Decider {
    /// The combined declarations, in the order they run.
    let derivations: [Derivation]
    let profiles: [Profile]

    /// Decides every declared value on the context. `language`: chosen on the command line.
    func run(on context: EvaluationContext, language: Language?) {
        for d in derivations {
            if d.name == "language", let language {
                context.override(language: language)
                continue
            }
            switch d.kind {
            case .value:
                if let v = decideValue(d, context) { context.decide(d, v) }
            case .date:
                if let (v, source) = decideDate(d, context) { context.decide(d, v, source: source) }
            case .profile:
                decideProfile(d, context)
            }
        }
        if !derivations.contains(where: { $0.kind == .profile }) {
            context.profileReason = profiles.isEmpty ? Decider.noProfiles : Catalogue.engine.noProfileDerivation.text
        }
    }

    static let noProfiles = Catalogue.engine.noProfiles.text

    // MARK: - Rules

    /// What a rule saw: its placeholders and the fact it came from.
    private struct Match {
        var value: String
        var values: [String: Placeholder] = [:]
        var source: FactValue?
    }

    private func decideValue(_ d: Derivation, _ c: EvaluationContext) -> Decided<DerivedValue>? {
        for rule in d.rules {
            guard var m = match(rule, d, c) else { continue }
            guard let label = d.label(of: m.value) else { continue }
            m.values["value"] = .text(m.value)
            m.values["label"] = .label(label)
            return Decided(value: DerivedValue(rawValue: m.value, label: label), reasons: reason(rule, m))
        }
        return nil
    }

    private func decideDate(_ d: Derivation, _ c: EvaluationContext) -> (Decided<PlanDate>, FactValue?)? {
        for rule in d.rules {
            guard var m = match(rule, d, c), let date = PlanDate(parsing: m.value) else { continue }
            m.values["date"] = .date(date)
            return (Decided(value: date, reasons: reason(rule, m), undecided: rule.undecided), m.source)
        }
        return nil
    }

    private func reason(_ rule: DeriveRule, _ m: Match) -> Localized {
        var template = m.source?.origin == .text ? (rule.reasonInText ?? rule.reason) : rule.reason
        // A value the sidecar confirms is not "given in the data block": say where it is.
        if m.source?.origin == .sidecar, case .valueOf = rule.source { template = Catalogue.word.sidecarField.text }
        return Decider.fill(template, m.values)
    }

    /// The rule's value when its condition holds and its source gives one.
    private func match(_ rule: DeriveRule, _ d: Derivation, _ c: EvaluationContext) -> Match? {
        if let condition = rule.condition, !CheckEvaluator(context: c).evaluate(condition).passed { return nil }
        var m = Match(value: "")
        if let paths = rule.present {
            let found = nonEmpty(paths, c)
            guard found.count >= rule.presentMin, let first = found.first else { return nil }
            m.values = Decider.placeholders(first, c)
            m.values["count"] = .number(found.count)
            m.source = first
        }
        switch rule.source {
        case .constant(let v):
            if d.kind == .date {
                guard let p = try? FactPath(parsing: v), let value = c.resolve(p, item: nil, bindings: [:]).nonEmpty.first, let t = value.text else { return nil }
                m.value = t
            } else {
                m.value = v
            }
        case .valueOf(let paths):
            guard let v = nonEmpty(paths, c).first, let t = v.text else { return nil }
            m.value = d.kind == .value ? t.lowercased() : t
            m.values.merge(Decider.placeholders(v, c)) { _, new in new }
            m.source = v
        case .words(let lists):
            var counts = Array(repeating: 0, count: lists.count)
            for block in c.plan.body.allBlocks.prefix(200) {
                for t in block.textBlocks {
                    for w in t.text.lowercased().split(whereSeparator: { !$0.isLetter }) {
                        let word = String(w)
                        for (i, l) in lists.enumerated() where l.words.contains(word) { counts[i] += 1 }
                    }
                }
            }
            guard let best = counts.max(), best > 0, counts.filter({ $0 == best }).count == 1, let i = counts.firstIndex(of: best) else { return nil }
            m.value = lists[i].value
            m.values["count"] = .number(best)
        case .latestOf(let paths, let bound):
            let limit = bound.flatMap { c.resolve($0, item: nil, bindings: [:]).nonEmpty.first?.text }.flatMap { PlanDate(parsing: $0) }
            var dated: [(PlanDate, FactValue)] = []
            for p in paths {
                for v in c.resolve(p, item: nil, bindings: [:]).nonEmpty {
                    if let t = v.text, let date = PlanDate(parsing: t), limit.map({ date <= $0 }) ?? true { dated.append((date, v)) }
                }
            }
            guard let latest = dated.max(by: { $0.0 < $1.0 }) else { return nil }
            m.value = latest.0.iso
            m.values.merge(Decider.placeholders(latest.1, c)) { _, new in new }
            m.values["count"] = .number(dated.count)
            m.source = latest.1
        }
        return m
    }

    private func nonEmpty(_ paths: [FactPath], _ c: EvaluationContext) -> [FactValue] {
        paths.flatMap { c.resolve($0, item: nil, bindings: [:]).nonEmpty }
    }

    /// `{path}`, `{line}` and `{source}` (the path, or "text, line N" when found in the prose;
    /// in a Word plan the heading and paragraph instead of the line; "sidecar, path" when the
    /// sidecar gave it).
    static func placeholders(_ v: FactValue, _ c: EvaluationContext) -> [String: Placeholder] {
        let line = v.node.range.start.line
        var source = v.origin == .text ? Catalogue.engine.textLine.localized(["line": .number(line)]) : Localized(same: v.path)
        if v.origin == .text, let place = c.plan.locations.location(line: line, column: v.node.range.start.column) {
            source = Catalogue.word.textAt.localized(["where": .label(Localized(fi: place.rendered(.fi), sv: place.rendered(.sv), en: place.rendered(.en)))])
        } else if v.origin == .sidecar {
            source = Catalogue.word.sidecarSource.localized(["path": .text(v.path)])
        }
        return ["path": .text(v.path), "line": .number(line), "source": .label(source)]
    }

    static func fill(_ template: Localized, _ values: [String: Placeholder]) -> Localized {
        Localized(fi: MessageTemplate.fill(template.fi, values, .fi), sv: MessageTemplate.fill(template.sv, values, .sv), en: MessageTemplate.fill(template.en, values, .en))
    }

    // MARK: - Profile

    /// The first profile whose window holds the decided date and whose scopes hold the decided scope.
    private func decideProfile(_ d: Derivation, _ c: EvaluationContext) {
        guard !profiles.isEmpty else {
            c.profileReason = Decider.noProfiles
            return
        }
        guard let dateName = d.profileDate, let scopeName = d.profileScope,
              let date = c.dates[dateName], let scope = c.values[scopeName] else {
            c.profileReason = Catalogue.engine.profileValueUndecided.text
            return
        }
        var values: [String: Placeholder] = [
            "date": .date(date.value), "date_reason": .label(date.reasons),
            "scope": .text(scope.value.rawValue), "scope_label": .label(scope.value.label), "scope_reason": .label(scope.reasons),
        ]
        let candidates = profiles.filter { $0.scopes.contains(scope.value.rawValue) }
        if date.undecided, candidates.count > 1 {
            // Nothing in the plan dates it: say so, and decide only what every candidate agrees on.
            values["candidates"] = .labels(candidates.map(\.title))
            c.leaveUndecided(d, candidates: candidates, reasons: Decider.fill(d.profileUndecided ?? Catalogue.engine.lawUndecided.text, values))
            return
        }
        if let p = profiles.first(where: { $0.scopes.contains(scope.value.rawValue) && $0.holds(date.value) }) {
            values["window"] = .label(p.relationLocalized)
            values["profile"] = .text(p.id)
            c.decide(d, profile: Decided(value: p, reasons: Decider.fill(d.profileReason ?? .none, values)))
        } else {
            c.profileReason = Decider.fill(d.profileNone ?? .none, values)
        }
    }
}
