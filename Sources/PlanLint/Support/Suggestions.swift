// Did-you-mean for what a user types: a subcommand, a rule id. The command line asks, the
// library answers, so the same suggestions are tested in-process.
import Foundation

public enum Suggestions {
    /// The closest of `known` to `typed` (at most two edits, ignoring case), if any.
    public static func closest(to typed: String, in known: [String]) -> String? {
        nearest(to: typed, in: known).first
    }

    /// Every one of `known` at the least distance from `typed` (at most two edits; a swap of
    /// two neighbouring letters is one), in the order of `known`.
    public static func nearest(to typed: String, in known: [String]) -> [String] {
        let lower = typed.lowercased()
        let scored = known.map { ($0, distance(lower, $0.lowercased())) }.filter { $0.1 <= 2 && $0.1 < max(typed.count, 2) }
        guard let best = scored.map(\.1).min() else { return [] }
        return scored.filter { $0.1 == best }.map(\.0)
    }

    /// Edit distance counting a transposition of neighbours as one edit (optimal string alignment).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    /// A first argument that is neither a command, an option nor an existing path, but close
    /// to a command: what to say instead of "no such file". `commands`: each command with its
    /// subcommands (`rules`: list, explain, test).
    public static func unknownCommand(_ arguments: [String], commands: [String: [String]], order: [String] = [],
                                      pathExists: (String) -> Bool) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !pathExists(first) else { return nil }
        if let subcommands = commands[first] {
            guard arguments.count > 1, case let second = arguments[1], !second.hasPrefix("-"), !subcommands.contains(second),
                  let near = closest(to: second, in: subcommands) else { return nil }
            return "unknown command 'planlint \(first) \(second)' (did you mean 'planlint \(first) \(near)'?)"
        }
        let near = nearest(to: first, in: order.filter { commands[$0] != nil } + commands.keys.filter { !order.contains($0) }.sorted())
        guard !near.isEmpty else { return nil }
        let options = near.map { "'planlint \($0)'" }.joined(separator: " or ")
        return "unknown command '\(first)' (did you mean \(options)?); to check a file of that name, write ./\(first)"
    }

    /// The rule with `id` (ignoring case) and its pack, or the message to print: the rules
    /// whose ids contain it, or else the closest id.
    public static func rule(_ id: String, in packs: [RulePack]) -> Result<(Rule, RulePack), RuleNotFound> {
        let all = packs.flatMap { p in p.rules.map { ($0, p) } }
        if let found = all.first(where: { $0.0.id.lowercased() == id.lowercased() }) { return .success(found) }
        let ids = all.map(\.0.id)
        var near = Array(ids.filter { $0.lowercased().contains(id.lowercased()) }.prefix(5))
        if near.isEmpty, let c = closest(to: id, in: ids) { near = [c] }
        var message = "error: no rule '\(id)' in the loaded packs"
        if !near.isEmpty { message += " (did you mean: \(near.joined(separator: ", ")))" }
        return .failure(RuleNotFound(message: message))
    }

    public struct RuleNotFound: Error, Sendable { public var message: String }
}

extension ExampleResult {
    /// Why the example did not behave as stated; nil when it did.
    public var failure: String? {
        guard !ok else { return nil }
        if let e = error { return e.description }
        if let why = notRun { return why }
        if expect == .pass && !applicable { return "the rule does not apply to this example, so it cannot show that the rule passes it" }
        if expect == .pass {
            return "expected no finding, got: " + findings.map { "\($0.start.line):\($0.start.column) \($0.message)" }.joined(separator: "; ")
        }
        return applicable ? "expected a finding, got none" : "expected a finding, but the rule does not apply to this example"
    }

    /// The line `rules test` prints for a failing example.
    public var failureLine: String? {
        failure.map { "FAIL \(rule) \(expect.rawValue) \(file) (as of \(asOf.iso)): \($0)" }
    }
}

/// What `rules test` reports: which examples to show, and a line per pack.
public enum ExampleReport {
    /// The results of the packs named (all when nil) and the rules named (all when empty);
    /// an unknown rule id is an error with the closest id.
    public static func select(_ results: [ExampleResult], packs: Set<String>?, rules: [String]) -> Result<[ExampleResult], Suggestions.RuleNotFound> {
        var out = results.filter { packs?.contains($0.pack) ?? true }
        guard !rules.isEmpty else { return .success(out) }
        let ids = Set(out.map { $0.rule.uppercased() })
        for id in rules where !ids.contains(id.uppercased()) {
            var message = "error: --rule: no rule '\(id)' in the packs tested"
            if let near = Suggestions.closest(to: id, in: ids.sorted()) { message += " (did you mean '\(near)'?)" }
            return .failure(Suggestions.RuleNotFound(message: message))
        }
        let wanted = Set(rules.map { $0.uppercased() })
        out = out.filter { wanted.contains($0.rule.uppercased()) }
        return .success(out)
    }

    /// One line per pack, in the order given: "fi-lsl 0.1.0: 250 passed, 0 failed (118 rules)".
    public static func perPack(_ results: [ExampleResult], packs: [RulePack]) -> [String] {
        packs.compactMap { pack in
            let mine = results.filter { $0.pack == pack.id }
            guard !mine.isEmpty else { return nil }
            let failed = mine.filter { !$0.ok }.count
            let rules = Set(mine.map(\.rule)).count
            return "\(pack.id) \(pack.version): \(mine.count - failed) passed, \(failed) failed (\(rules) rule\(rules == 1 ? "" : "s"))"
        }
    }
}
