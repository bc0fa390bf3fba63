// `plugin: NAME`: the rule is checked by a check plugin, an executable the user's
// configuration enables (docs/plugins.md).
//
// The pack only names the plugin; it never runs one. When the configuration enables it
// (`plugins: {NAME: {path: …}}`), the plugin gets the plan and its facts and answers with
// findings for the rule (Plugins/PluginProtocol.swift). When it is not enabled, or it fails,
// the rule is not checked and says so (needs review, with what would enable or fix it) —
// never a pass; a failure is also a finding of planlint's own rule PLANLINT-PLUGIN-FAILED.
import Foundation

struct PluginCheck: CheckKind {
    static let name = "plugin"
    var plugin: String

    /// Lower-case letters, digits, `-` and `_`, starting with a letter; at most 40.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLowercase, name.count <= 40 else { return false }
        return name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" }
    }

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> PluginCheck {
        let name = try p.reader.string(body, "plugin")
        guard isValidName(name) else {
            throw p.reader.error(body, "'\(name)' is not a plugin name (lower-case letters, digits, '-' and '_', starting with a letter)")
        }
        guard !p.scope.inItem else {
            throw p.reader.error(body, "plugin: a plugin checks the whole plan; it cannot be used inside each or some")
        }
        return PluginCheck(plugin: name)
    }

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        let rule = e.evaluator.rule
        guard let setting = e.evaluator.plugins.enabled[plugin] else { return notRun(.notEnabled, rule) }
        let request = PluginRequest(plugin: setting, rules: [rule], context: e.context)
        let result = PluginProcess.run(executable: setting.executable, arguments: setting.arguments, workingDirectory: setting.folder,
                                       input: request.encoded(), timeout: setting.timeout, outputLimit: setting.maxOutput)
        switch PluginAnswer.read(result, rules: [rule], plan: e.context.plan) {
        case .failure(let box):
            return notRun(box.failure, rule)
        case .success(let findings):
            let violations = findings.map(\.violation)
            return violations.isEmpty ? .pass : Outcome(passed: false, violations: violations)
        }
    }

    /// The rule was not checked: passes as far as the engine's flow goes, with a note that
    /// makes the result "needs review" (and, for a failure, a finding of planlint's own).
    private func notRun(_ failure: PluginFailure, _ rule: String) -> Outcome {
        Outcome(passed: true, notes: [Note(kind: .undecided, line: nil, data: failure.noteData(plugin: plugin, rule: rule))])
    }

    func outline(_ o: Outline) -> String {
        o.line(fi: "tarkistuslaajennus \(plugin) tarkistaa suunnitelman (jos asetustiedosto ottaa sen käyttöön)",
               sv: "kontrolltillägget \(plugin) kontrollerar planen (om konfigurationsfilen aktiverar det)",
               en: "the check plugin \(plugin) checks the plan (when the configuration enables it)")
    }

    // MARK: - Where a plugin check is

    /// Whether a rule's check node names a plugin anywhere: a key `plugin` in a check's
    /// mapping can only be this kind. A walk over the YAML, not the parsed checks.
    static func named(in node: YAMLNode, depth: Int = 0) -> Bool {
        guard depth < 64 else { return false }
        switch node.content {
        case .scalar: return false
        case .sequence(let items): return items.contains { named(in: $0, depth: depth + 1) }
        case .mapping(let pairs):
            return pairs.contains { $0.key.scalar?.text == name || named(in: $0.value, depth: depth + 1) }
        }
    }

    // MARK: - What the engine does with a plugin note

    static let messages = PluginMessages()

    /// planlint's own rule for a plugin that failed.
    static let failedRule = BuiltInRule(id: "PLANLINT-PLUGIN-FAILED", severity: .error,
                                        title: messages.failedTitle.text, remediation: messages.failedFix.text)

    /// Whether a note says a plugin's rule was not checked.
    static func isPluginNote(_ note: Note) -> Bool { note.kind == .undecided && note["check"] == name }

    /// The findings of planlint's own rule for the plugins that failed on a plan: one per
    /// failure, at the plan's first heading (the failure is the plugin's, not a place's).
    static func failureFindings(_ notes: [Note], plan: Plan, language: Language) -> [Finding] {
        notes.filter { isPluginNote($0) && $0["problem"] != "not-enabled" }.map { note in
            let message = messages.failed.render(language, ["plugin": .text(note["plugin"] ?? ""), "rule": .text(note["rule"] ?? ""),
                                                            "problem": .label(messages.problem(note))])
            let at = plan.allSections.first?.titleRange ?? SourceRange(at: .start)
            return failedRule.finding(language, message: message, file: plan.file, range: at, evidence: plan.allSections.first?.title ?? "")
        }
    }
}
