// The JSON Schemas built into planlint are the files of schemas/, valid JSON, and name every
// key and check kind the pack reader knows, so an editor's completion offers what planlint reads.
import Foundation
import Testing
@testable import PlanLint

@Suite struct SchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func object(_ name: String) throws -> [String: Any] {
        let text = try #require(EmbeddedSchemas.text(named: name))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func properties(_ schema: [String: Any], _ path: [String]) throws -> Set<String> {
        var node: Any = schema
        for key in path { node = try #require((node as? [String: Any])?[key], "no \(path.joined(separator: "."))") }
        return Set(try #require((node as? [String: Any])?["properties"] as? [String: Any]).keys)
    }

    @Test func theSchemasAreTheSix() {
        #expect(EmbeddedSchemas.names == ["config", "pack", "plan", "plugin-answer", "plugin-request", "rules"])
        #expect(EmbeddedSchemas.text(named: "klingon") == nil)
    }

    @Test(arguments: ["config", "pack", "plan", "rules", "plugin-answer", "plugin-request"])
    func embeddedEqualsTheFileAndParses(_ name: String) throws {
        let file = SchemaTests.root.appendingPathComponent(EmbeddedSchemas.repositoryPath(of: name))
        let onDisk = try String(contentsOf: file, encoding: .utf8)
        #expect(EmbeddedSchemas.text(named: name) == onDisk)
        let schema = try SchemaTests.object(name)
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect((schema["description"] as? String)?.isEmpty == false)
    }

    @Test func everyCheckKindIsInTheRulesSchema() throws {
        let kinds = try SchemaTests.properties(try SchemaTests.object("rules"), ["$defs", "check"])
        let missing = Set(CheckParser.checkNames).subtracting(kinds)
        #expect(missing.isEmpty, "check kinds planlint reads but the schema lacks: \(missing.sorted())")
    }

    @Test func everyRuleKeyIsInTheRulesSchema() throws {
        let keys = try SchemaTests.properties(try SchemaTests.object("rules"), ["$defs", "rule"])
        let missing = Set(RuleParser.keys).subtracting(keys)
        #expect(missing.isEmpty, "rule keys planlint reads but the schema lacks: \(missing.sorted())")
    }

    @Test func theRuleFileAndPackAreClosed() throws {
        // planlint refuses unknown keys there, so the schema must too.
        let rules = try SchemaTests.object("rules")
        #expect(rules["additionalProperties"] as? Bool == false)
        #expect((rules["$defs"] as? [String: Any]).flatMap { ($0["rule"] as? [String: Any])?["additionalProperties"] as? Bool } == false)
        #expect(try SchemaTests.object("pack")["additionalProperties"] as? Bool == false)
        #expect(try SchemaTests.object("config")["additionalProperties"] as? Bool == false)
    }
}

/// The wrong documents the schemas must reject are refused by planlint's pack reader too, each
/// for its own mistake: the two agree in both directions.
@Suite struct SchemaFixtureAgreementTests {
    static let fixtures = SchemaTests.root.appendingPathComponent("Tests/SchemaFixtures/invalid")
    static let manifest = """
        id: kunta
        version: 0.1.0
        title: {fi: Kunnan säännöt, sv: Kommunens regler, en: The municipality's rules}

        """
    static let plan = "---\nplan: {title: Suunnitelma, language: fi}\n---\n# 1 Tarkoitus\n\nTeksti.\n"

    static func errors(_ files: [String: String]) -> String? {
        switch PackLoader.load(PackSource(origin: "test", displayRoot: "Rules/kunta", files: files)) {
        case .success: return nil
        case .failure(let e): return e.description
        }
    }

    @Test(arguments: [
        ("rules-unknown-check.yaml", "unknown check 'presnt' (did you mean 'present'?)"),
        ("rules-wrong-severity.yaml", "severity must be error, warning or info, found 'fatal'"),
        ("rules-statute-without-citation.yaml", "is a statute rule and needs a citation"),
        ("rules-two-checks-in-one.yaml", "a check must have exactly one key"),
        ("rules-date-within-direction.yaml", "date_within.direction must be before or after, found 'later'"),
    ])
    func aWrongRuleFileIsRefused(_ file: String, _ expected: String) throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(file), encoding: .utf8)
        let files = ["pack.yaml": Self.manifest, "rules/kunta.yaml": text, "examples/pass.md": Self.plan, "examples/fail.md": Self.plan]
        let message = try #require(Self.errors(files))
        #expect(message.contains(expected), "\(message)")
    }

    @Test(arguments: [
        ("pack-unknown-key.yaml", "unknown key 'extend' in pack.yaml (did you mean 'extends'?)"),
        ("pack-title-without-swedish.yaml", "title lacks the Swedish text ('sv')"),
    ])
    func aWrongManifestIsRefused(_ file: String, _ expected: String) throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(file), encoding: .utf8)
        let message = try #require(Self.errors(["pack.yaml": text]))
        #expect(message.contains(expected), "\(message)")
    }

    @Test func theManifestAloneWithAValidRuleLoads() throws {
        // The control: the same pack with a correct rule loads, so the refusals above are the mistakes'.
        let rule = """
            rules:
              - id: KUNTA-CONTACT
                title: {fi: Yhteyshenkilö, sv: Kontaktperson, en: Contact person}
                severity: warning
                kind: practice
                check: {present: plan.contact}
                message: {fi: Yhteyshenkilö puuttuu., sv: Kontaktperson saknas., en: The contact person is missing.}
                remediation: {fi: Lisää yhteyshenkilö., sv: Lägg till en kontaktperson., en: Add a contact person.}
                examples: {pass: examples/pass.md, fail: examples/fail.md}

            """
        #expect(Self.errors(["pack.yaml": Self.manifest, "rules/kunta.yaml": rule, "examples/pass.md": Self.plan, "examples/fail.md": Self.plan]) == nil)
    }
}
