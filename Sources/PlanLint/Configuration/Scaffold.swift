// `planlint init`: a configuration and a local rule pack to start from.
//
// The scaffold is a working example, not a template with holes: a `.planlint.yaml` that loads
// the local pack, and the pack with one rule (the plan names a contact person, a fact of the
// municipality's own front matter) and the rule's passing and failing example plans, so
// `planlint rules test --pack Rules/ID` passes at once and shows how the pieces fit.
import Foundation

/// The files `planlint init` writes.
public enum Scaffold {
    /// A pack id: lower-case letters, digits and hyphens, starting with a letter.
    public static func isValidPackID(_ id: String) -> Bool {
        guard let first = id.first, first.isASCII, first.isLowercase else { return false }
        return id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" } && id.count <= 40
    }

    /// The files, by path relative to the folder they go in, in the order they are written.
    /// `language` is the language of the example plans (fi or sv).
    public static func files(packID id: String, language: Language) -> [(path: String, text: String)] {
        let rule = id.uppercased() + "-CONTACT"
        let pack = "Rules/\(id)"
        let sv = language == .sv
        let config = """
            \(modeline("config", from: ".planlint.yaml"))
            # planlint settings (docs/configuration.md). Paths are relative to this file's folder.
            # planlint finds this file from each plan's folder upward; flags on the command line win.
            packs: [\(pack)]              # the local pack, besides the embedded national packs
            # paths: [plans]              # the plans checked when the command line names none
            # fail_on: error              # error | warning | info | never
            # as_of: 2026-11-22           # the day to check on (default: today)
            # rules:
            #   GP-ANNUAL-REPORT: info    # a rule's severity, or off
            # plugins:                    # check plugins this file allows to run (docs/plugins.md)
            #   budget: {path: tools/budget.py, settings: {budget: talousarvio.csv}}
            # waivers:                    # decisions that accept a finding, until a date
            #   - rule: \(rule)
            #     plan: plans/*.md
            #     reason: Yhteyshenkilö nimetään hyväksymisen jälkeen.
            #     reference: khall 3.2.2026 § 14
            #     accepted_by: kunnanhallitus
            #     expires: 2027-01-31

            """
        let manifest = """
            \(modeline("pack", from: "\(pack)/pack.yaml"))
            # A local rule pack (docs/rule-packs.md): the municipality's own rules on top of the
            # national packs. Test it with: planlint rules test --pack \(pack)
            id: \(id)
            version: 0.1.0
            title:
              fi: Kunnan omat säännöt
              sv: Kommunens egna regler
              en: The municipality's own rules
            extends: [fi-lsl]
            examples_as_of: 2026-11-22
            # Plan keys this pack's rules read, besides planlint's own (docs/plan-format.md).
            plan_keys: [contact]

            """
        let rules = """
            \(modeline("rules", from: "\(pack)/rules/\(id).yaml"))
            rules:
              - id: \(rule)
                title:
                  fi: Suunnitelmassa on yhteyshenkilö
                  sv: Planen anger en kontaktperson
                  en: The plan names a contact person
                severity: warning
                kind: practice
                check: {present: contact.name}
                message:
                  fi: Suunnitelmasta puuttuu yhteyshenkilö (contact.name).
                  sv: Planen saknar en kontaktperson (contact.name).
                  en: The plan names no contact person (contact.name).
                remediation:
                  fi: "Lisää etusivun tietoihin yhteyshenkilö: contact: {name: …, email: …}."
                  sv: "Lägg till en kontaktperson i faktablocket: contact: {name: …, email: …}."
                  en: "Add a contact person to the data block: contact: {name: …, email: …}."
                examples:
                  pass: [examples/contact-pass.md]
                  fail: [examples/contact-fail.md]

            """
        let title = sv ? "Välfärdsplan för barn och unga" : "Lasten ja nuorten hyvinvointisuunnitelma"
        let lang = sv ? "sv" : "fi"
        let heading = sv ? "Planens syfte" : "Suunnitelman tarkoitus"
        let body = sv ? "Planen beskriver hur kommunen främjar välfärden för barn och unga."
            : "Suunnitelma kuvaa, miten kunta edistää lasten ja nuorten hyvinvointia."
        let contact = sv ? "{name: Anna Lindqvist, email: anna.lindqvist@example.fi}" : "{name: Liisa Virtanen, email: liisa.virtanen@example.fi}"
        let pass = """
            ---
            plan: {title: "\(title)", language: \(lang)}
            contact: \(contact)
            ---
            # \(title)

            ## 1 \(heading)

            \(body)

            """
        let fail = """
            ---
            plan: {title: "\(title)", language: \(lang)}
            ---
            # \(title)

            ## 1 \(heading)

            \(body)

            """
        return [
            (".planlint.yaml", config),
            ("\(pack)/pack.yaml", manifest),
            ("\(pack)/rules/\(id).yaml", rules),
            ("\(pack)/examples/contact-pass.md", pass),
            ("\(pack)/examples/contact-fail.md", fail),
        ] + schemaNames.compactMap { name in EmbeddedSchemas.text(named: name).map { (schemaPath(name), $0) } }
    }

    /// The schemas `planlint init` copies into `schemas/`, for the modelines of the files it writes.
    public static let schemaNames = ["config", "pack", "rules"]

    /// Where the copy of a schema goes, relative to the folder `init` writes into.
    public static func schemaPath(_ name: String) -> String { "schemas/\(name).schema.json" }

    /// The yaml-language-server modeline of a file at `path` (relative to the folder `init`
    /// writes into): the schema's copy, relative to the file's folder, as in this repository
    /// (docs/schemas.md).
    static func modeline(_ schema: String, from path: String) -> String {
        let depth = path.split(separator: "/").count - 1
        return "# yaml-language-server: $schema=" + String(repeating: "../", count: depth) + schemaPath(schema)
    }
}
