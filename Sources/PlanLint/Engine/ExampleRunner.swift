// Running the example plans every rule carries.
//
// Each rule has passing and failing examples; both must be plans the rule applies to; a
// passing one must give no finding of the rule, a failing one at least one. `planlint rules test` and the test suite both run
// them, so a rule whose examples do not behave as stated cannot ship.
import Foundation

/// The outcome of one example of one rule.
public struct ExampleResult: Sendable {
    public var rule: String
    public var pack: String
    public var file: String
    public var expect: RuleExample.Expectation
    public var asOf: PlanDate
    /// Findings of this rule on the example.
    public var findings: [Finding]
    /// Whether the rule applied to the example at all.
    public var applicable: Bool
    /// Set when the example plan could not be read.
    public var error: InputError?
    /// Set when the rule's check plugin did not run (not enabled, or failed): why, in English.
    public var notRun: String? = nil

    /// True when the example behaved as stated.
    public var ok: Bool {
        guard error == nil, notRun == nil else { return false }
        switch expect {
        // A passing example the rule does not apply to proves nothing about the rule.
        case .pass: return findings.isEmpty && applicable
        case .fail: return !findings.isEmpty && applicable
        }
    }
}

/// Runs rule examples.
public enum ExampleRunner {
    /// Runs every example of every active rule of `engine`, each plan checked once per as-of date.
    /// `packs`: only the examples of these packs' rules (nil: every pack's). The example
    /// plans are still checked by every rule of the engine, as a lint run would check them.
    /// The distinct example plans are checked on all cores; the results keep the order of
    /// the rules and their examples.
    public static func run(_ engine: Engine, packs: Set<String>? = nil) -> [ExampleResult] {
        // Check plugins run on the examples of the rules that name one, not on every example
        // plan of every pack (a plugin costs a process per plan).
        var pluginExamples = Set<String>()
        for active in engine.rules where active.rule.check.kind is PluginCheck {
            for example in active.rule.examples { pluginExamples.insert("\(active.pack.id)/\(example.file)@\(example.asOf.iso)") }
        }
        var withoutPlugins = engine
        withoutPlugins.plugins = PluginSet()

        /// One example of one rule, and the plan it names.
        struct Planned {
            var active: ActiveRule
            var example: RuleExample
            var display: String
            /// Index into `plans`; nil when the pack holds no such file.
            var plan: Int?
        }
        /// A distinct example plan: its bytes, where it is shown, its date and its checker.
        struct PlanToCheck: Sendable {
            var data: Data
            var display: String
            var asOf: PlanDate
            var checker: Engine
        }
        var planned: [Planned] = []
        var plans: [PlanToCheck] = []
        var index: [String: Int] = [:]
        for active in engine.rules where packs?.contains(active.pack.id) ?? true {
            for example in active.rule.examples {
                let key = "\(active.pack.id)/\(example.file)@\(example.asOf.iso)"
                // Where the example is: the pack's folder as given, or Rules/ for an embedded pack.
                let root = active.pack.origin.hasPrefix("embedded:") ? "Rules/\(active.pack.id)" : active.pack.origin
                let display = (root as NSString).appendingPathComponent(example.file)
                if index[key] == nil {
                    // A Word or OpenDocument example is read from its bytes.
                    if let data = active.pack.documents[example.file] ?? active.pack.files[example.file].map({ Data($0.utf8) }) {
                        index[key] = plans.count
                        plans.append(PlanToCheck(data: data, display: display, asOf: example.asOf,
                                                 checker: pluginExamples.contains(key) ? engine : withoutPlugins))
                    }
                }
                planned.append(Planned(active: active, example: example, display: display, plan: index[key]))
            }
        }
        let toCheck = plans
        let reports: [Result<PlanReport, InputError>] = PlanRun.concurrently(toCheck.count) { i in
            let p = toCheck[i]
            do throws(InputError) {
                let plan = try PlanReader.read(data: p.data, file: p.display)
                return .success(p.checker.check(plan, asOf: p.asOf, coverage: false))
            } catch {
                return .failure(error)
            }
        }
        return planned.compactMap { p -> ExampleResult? in
            guard let i = p.plan else { return nil }
            let rule = p.active.rule
            var out = ExampleResult(rule: rule.id, pack: p.active.pack.id, file: p.display, expect: p.example.expect,
                                    asOf: p.example.asOf, findings: [], applicable: false, error: nil)
            switch reports[i] {
            case .failure(let error):
                out.error = error
            case .success(let report):
                let result = report.results.first(where: { $0.rule == rule.id })
                out.findings = report.findings.filter { $0.ruleID == rule.id }
                out.applicable = result?.status != .notApplicable
                // A rule whose plugin did not run proves nothing either way.
                out.notRun = result?.notes.first(where: PluginCheck.isPluginNote).map { PluginCheck.messages.reason($0).en }
            }
            return out
        }
    }
}
