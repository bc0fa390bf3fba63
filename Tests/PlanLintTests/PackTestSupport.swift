// A one-rule pack in memory, for tests about how a pack's check is read.
@testable import PlanLint

enum OneRulePack {
    /// Pack `id` from folder `origin`, whose rule `ID-1` has `check` (YAML, flow style) and
    /// a passing and a failing example; `facts` goes before `rules:` in the rule file.
    static func source(id: String, origin: String, check: String, facts: String = "") -> PackSource {
        PackSource(origin: origin, displayRoot: origin, files: [
            "pack.yaml": "id: \(id)\nversion: 1.0.0\ntitle: {fi: H, sv: H, en: S}\n",
            "rules/r.yaml": """
            \(facts)rules:
              - id: \(id.uppercased())-1
                title: {fi: T, sv: T, en: T}
                severity: warning
                kind: practice
                check: \(check)
                message: {fi: M, sv: M, en: M}
                remediation: {fi: R, sv: R, en: R}
                examples:
                  pass: [examples/pass.md]
                  fail: [examples/fail.md]
            """,
            "examples/pass.md": "---\nplan: {title: S, language: fi}\n---\n# S\n\naaa\n",
            "examples/fail.md": "---\nplan: {title: S, language: fi}\n---\n# S\n",
        ])
    }
}
