// `planlint rules explain ID`: what a rule checks, the law it cites (with the statute's
// verified wording), when it applies, and its example plans.
import Foundation

/// Renders the explanation of one rule.
public enum RuleExplanation {
    /// `profiles`: the versions of the law of every loaded pack, so a check on `$profile`
    /// names the version by its title.
    public static func text(_ rule: Rule, pack: RulePack, language: Language, profiles: [Profile] = []) -> String {
        let m = Catalogue.explain, l = language
        var out = "\(rule.id) — \(rule.title[l])\n"
        out += "  " + m.header.render(l, ["pack": .text(pack.id), "version": .text(pack.version), "severity": .label(Catalogue.label(rule.severity).text),
                                         "kind": .label(Catalogue.label(rule.kind).text)]) + "\n"
        if let c = rule.citation {
            out += "\n\(m.law[l]):\n  \(c.formatted(l))"
            if let v = c.lawVersion { out += " (\(m.wordedBy.render(l, ["version": .text(v)])))" }
            out += "\n  \(c.url)\n"
            if let mark = c.mark, mark != "V" {
                out += "  \(m.markNote.render(l, ["mark": .text(mark), "meaning": .label(Catalogue.markMeaning(mark).text)]))\n"
            }
            if c.mark == "V" || c.mark == nil, let wd = c.wording {
                let wording = l == .sv ? (wd.sv ?? wd.fi) : (wd.fi ?? wd.sv)
                if let wording { out += "\n  \"\(wording)\"\n" }
            }
        }
        out += "\n\(m.appliesTo[l]):\n"
        let a = rule.applies
        if let scopes = a.scopes {
            out += "  " + m.scope.render(l, ["scopes": .labels(PlanScope.allCases.filter(scopes.contains).map(\.label))]) + "\n"
        } else {
            out += "  " + m.everyPlan[l] + "\n"
        }
        if let s = a.statuses { out += "  " + m.status.render(l, ["statuses": .labels(PlanStatus.allCases.filter(s.contains).map(\.label))]) + "\n" }
        if let p = a.profiles { out += "  " + m.profile.render(l, ["profiles": .list(p.sorted())]) + "\n" }
        if let q = rule.review { out += "  " + m.needsReview.render(l, ["question": .text(q[l])]) + "\n" }
        if a.lawFrom != nil || a.lawUntil != nil {
            out += "  " + m.lawInForce.render(l, ["from": a.lawFrom.map { .date($0) } ?? .text("…"), "until": a.lawUntil.map { .date($0) } ?? .text("…")]) + "\n"
        }
        out += "\n\(m.checks[l]):\n" + describe(rule.check, indent: "  ", l, labels: labels(rule, profiles: profiles + pack.profiles))
        out += "\n\(m.message[l]):\n  \(rule.messages.violation[l])\n"
        out += "\n\(m.whatToDo[l]):\n  \(rule.remediation[l])\n"
        out += "\n\(m.examples[l]):\n"
        for e in rule.examples {
            let expect = e.expect.rawValue == "pass" ? m.expectPass : m.expectFail
            let file = "\(pack.origin.hasPrefix("embedded:") ? "Rules/\(pack.id)" : pack.origin)/\(e.file)"
            out += "  " + m.example.render(l, ["expect": .label(expect.text), "file": .text(file), "date": .date(e.asOf)]) + "\n"
        }
        return out
    }

    /// A readable outline of a check in `l`; paths and search patterns as the pack writes them.
    /// A code value (a status, a scope, or one the rule labels) is written through its label.
    static func describe(_ check: Check, indent: String, _ l: Language, labels: [String: Localized] = [:]) -> String {
        let m = Catalogue.explain
        let paths = { (ps: [FactPath]) -> MessageValue in .text(ps.map { reference($0, l).rendered(l) }.joined(separator: " \(m.or[l]) ")) }
        func line(_ message: Message, _ values: [String: MessageValue]) -> String { indent + message.render(l, values) + "\n" }
        func nested(_ c: Check) -> String { describe(c, indent: indent + "  ", l, labels: labels) }
        func words(_ values: [String]) -> MessageValue {
            .labels(values.map { v in PlanStatus(rawValue: v)?.label ?? PlanScope(rawValue: v)?.label ?? labels[v] ?? Localized(same: v) })
        }
        switch check {
        case .present(let p): return line(m.present, ["paths": paths(p)])
        case .isDate(let p): return line(m.isDate, ["paths": paths(p)])
        case .oneOf(let p, let v, let any): return line(any ? m.someOneOf : m.everyOneOf, ["paths": paths(p), "values": words(v)])
        case .matches(let p, let t, let any): return line(any ? m.someMatches : m.everyMatches, ["paths": paths(p), "pattern": .text(t.description)])
        case .equals(let p, let v):
            switch v {
            case .literal(let s): return line(m.equals, ["paths": paths(p), "value": words([s])])
            case .path(let q): return line(m.equals, ["paths": paths(p), "value": reference(q, l)])
            }
        case .dateWithin(let d):
            let pick: Message
            switch d.pick {
            case .each: pick = m.pickEach
            case .latest: pick = m.pickLatest
            case .earliest: pick = m.pickEarliest
            }
            return line(d.direction == .before ? m.withinBefore : m.withinAfter,
                        ["paths": paths(d.paths), "pick": .label(pick.text), "years": .number(d.years), "reference": reference(d.reference, l)])
        case .count(let p, let min, let max):
            switch (min, max) {
            case let (lo?, hi?): return line(m.countBetween, ["paths": paths(p), "min": .number(lo), "max": .number(hi)])
            case let (lo?, nil): return line(m.countMin, ["paths": paths(p), "n": .number(lo)])
            case let (nil, hi?): return line(m.countMax, ["paths": paths(p), "n": .number(hi)])
            case (nil, nil): return line(m.present, ["paths": paths(p)])
            }
        case .each(let p, _, let c): return line(m.each, ["paths": paths(p)]) + nested(c)
        case .some(let p, _, let c): return line(m.some, ["paths": paths(p)]) + nested(c)
        case .covers(let p, let members, let min):
            if let min { return line(m.coversAtLeast, ["paths": paths(p), "n": .number(min), "values": words(members)]) }
            return line(m.covers, ["paths": paths(p), "values": words(members)])
        case .section(let s):
            var text = m.section.render(l, ["aliases": .text(s.aliases.description)])
            if let item = s.item { text += m.sectionMap.render(l, ["item": .text(item)]) }
            if let t = s.textTerms { text += m.sectionText.render(l, ["terms": .text(t.description)]) }
            return indent + text + "\n"
        case .mentions(let x):
            var text = x.inSections.map { m.mentionsIn.render(l, ["sections": .text($0.description), "terms": .text(x.terms.description)]) }
                ?? m.mentions.render(l, ["terms": .text(x.terms.description)])
            if x.min > 1 { text += m.times.render(l, ["n": .number(x.min)]) }
            return indent + text + "\n"
        case .table(let t):
            let columns = MessageValue.list(t.columns.map(\.name))
            var text = t.inSections.map { m.tableIn.render(l, ["sections": .text($0.description), "columns": columns]) }
                ?? m.table.render(l, ["columns": columns])
            if t.filled { text += m.tableFilled[l] }
            return indent + text + "\n"
        case .all(let cs): return indent + m.all[l] + "\n" + cs.map(nested).joined()
        case .any(let cs): return indent + m.any[l] + "\n" + cs.map(nested).joined()
        case .not(let c): return indent + m.not[l] + "\n" + nested(c)
        case .when(let c, let t, let e):
            var s = indent + m.when[l] + "\n" + nested(c) + indent + m.then[l] + "\n" + nested(t)
            if let e { s += indent + m.otherwise[l] + "\n" + nested(e) }
            return s
        }
    }

    /// The words for the codes a rule's check names: its own labels and the versions of the law.
    static func labels(_ rule: Rule, profiles: [Profile]) -> [String: Localized] {
        var out = rule.labels
        for p in profiles where out[p.id] == nil { out[p.id] = p.title }
        return out
    }

    /// A path a check compares with: the engine's dates by name, any other as written.
    private static func reference(_ path: FactPath, _ l: Language) -> MessageValue {
        let m = Catalogue.explain
        if case .variable(let name) = path.root, path.components.isEmpty {
            switch name {
            case "as_of": return .label(m.asOfVariable.text)
            case "reference_date": return .label(m.referenceVariable.text)
            case "last_decision": return .label(m.lastDecisionVariable.text)
            case "status": return .label(m.statusVariable.text)
            case "scope": return .label(m.scopeVariable.text)
            case "profile": return .label(m.profileVariable.text)
            case "language": return .label(m.languageVariable.text)
            default: break
            }
        }
        return .text(path.description)
    }
}
