// Syntax, encoding and stream errors: libyaml's own words, at true positions.

import PlanLintYAML
import Testing

@Suite("Errors")
struct ErrorTests {
    @Test(
        "syntax errors carry libyaml's problem, its context and the problem's position",
        arguments: [
            // An unclosed quote runs to the end of the stream.
            (
                "approvals:\n  - body: kunnanvaltuusto\n    minute: \"§ 45\n",
                "plan.yaml:4:1: found unexpected end of stream (while scanning a quoted scalar at line 3)",
                pos(4, 1, 56)
            ),
            // A tab used for indentation.
            (
                "plan:\n  title: x\n\tlanguage: fi\n",
                "plan.yaml:3:1: found a tab character that violates indentation (while scanning a plain scalar at line 2)",
                pos(3, 1, 17)
            ),
            (
                "plan:\n\ttitle: x\n",
                "plan.yaml:2:1: found character that cannot start any token (while scanning for the next token at line 2)",
                pos(2, 1, 6)
            ),
            // A key indented less than its siblings.
            (
                "plan:\n  title: x\n language: fi\n",
                "plan.yaml:3:2: did not find expected key (while parsing a block mapping at line 1)",
                pos(3, 2, 18)
            ),
            // A value indented more than its key can hold.
            (
                "status: hyväksytty\n  päivä: 14.6.2023\n",
                "plan.yaml:2:8: mapping values are not allowed in this context",
                pos(2, 8, 29)
            ),
            (
                "status: approved: yes\n",
                "plan.yaml:1:17: mapping values are not allowed in this context",
                pos(1, 17, 16)
            ),
            (
                "municipalities: [Esimerkkilä, Ääneläinen\nstatus: draft\n",
                "plan.yaml:2:7: did not find expected ',' or ']' (while parsing a flow sequence at line 1)",
                pos(2, 7, 51)
            ),
            (
                "- a\n-b: c: d",
                "plan.yaml:2:1: did not find expected '-' indicator (while parsing a block collection at line 1)",
                pos(2, 1, 4)
            ),
            (
                "minute: \"\\§ 45\"",
                "plan.yaml:1:10: found unknown escape character (while parsing a quoted scalar at line 1)",
                pos(1, 10, 9)
            ),
            ("%YAML 2.0\n---\na: 1", "plan.yaml:1:1: found incompatible YAML document", pos(1, 1, 0)),
        ])
    func syntax(text: String, description: String, position: SourcePosition) {
        let error = loadError(text)
        #expect(error?.kind == .syntax)
        #expect(error?.description == description)
        #expect(error?.position == position)
        #expect(error?.file == "plan.yaml")
    }

    @Test("invalid UTF-8 is an encoding error, positioned in scalars and bytes")
    func invalidUTF8() {
        let bytes = Array("nimi: Ääkkönen\nkuvaus: ö ".utf8) + [0xFF] + Array("\n".utf8)
        let error = loadError(bytes: bytes)
        #expect(error?.kind == .encoding)
        #expect(error?.position == pos(2, 11, 29))
        #expect(error?.description == "plan.yaml:2:11: invalid leading UTF-8 octet (byte 0xFF)")
    }

    @Test("a broken or cut UTF-8 sequence is an encoding error")
    func brokenSequences() {
        #expect(loadError(bytes: Array("a: ".utf8) + [0xC3, 0x41])?.description
            == "plan.yaml:1:5: invalid trailing UTF-8 octet (byte 0x41)")
        #expect(loadError(bytes: Array("a: ".utf8) + [0xC3])?.description
            == "plan.yaml:1:4: incomplete UTF-8 octet sequence")
        // UTF-16 (here with its byte order mark) is not accepted: plans are UTF-8.
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("a: 1".utf8).flatMap { [$0, 0] }
        #expect(loadError(bytes: utf16)?.description == "plan.yaml:1:1: invalid leading UTF-8 octet (byte 0xFF)")
        #expect(loadError(bytes: utf16)?.kind == .encoding)
    }

    @Test("control characters are encoding errors, also through the String overload")
    func controlCharacters() {
        let error = loadError("otsikko: Hyvinvointi\u{7}suunnitelma")
        #expect(error?.kind == .encoding)
        #expect(error?.description == "plan.yaml:1:21: control characters are not allowed (U+0007)")
        #expect(error?.position.offset == 20)
        #expect(loadError("a: b\u{0}")?.message == "control characters are not allowed (U+0000)")
    }

    @Test("an encoding error after a base is shifted like any other")
    func encodingWithBase() {
        let error = loadError(bytes: Array("ö: ".utf8) + [0xFE], base: pos(2, 1, 4))
        #expect(error?.position == pos(2, 4, 8))
    }

    @Test("a second document is rejected at its start")
    func multipleDocuments() {
        let error = loadError("status: draft\n---\nstatus: approved\n")
        #expect(error?.kind == .multipleDocuments)
        #expect(error?.position == pos(2, 1, 14))
        #expect(error?.description == "plan.yaml:2:1: expected one YAML document, found a second one")
        #expect(loadError("---\na: 1\n---\n")?.position == pos(3, 1, 9))
        #expect(loadError("a: 1\n...\n---\nb: 2\n")?.kind == .multipleDocuments)
    }

    @Test("one document with explicit markers is fine")
    func explicitMarkers() throws {
        let root = try #require(try load("%YAML 1.2\n---\nstatus: draft\n...\n"))
        #expect(root["status"]?.scalar?.text == "draft")
    }

    @Test("an undefined alias is an error at the alias")
    func undefinedAlias() {
        let error = loadError("hyväksynnät:\n  - *paatos\n")
        #expect(error?.kind == .undefinedAlias)
        #expect(error?.description == "plan.yaml:2:5: undefined alias \"paatos\"")
        #expect(error?.position.offset == 19)
    }

    @Test("an alias to an anchor defined later is undefined")
    func forwardAlias() {
        #expect(loadError("a: *x\nb: &x 1\n")?.description == "plan.yaml:1:4: undefined alias \"x\"")
    }

    @Test("an alias inside its own anchored node is rejected")
    func recursiveAlias() {
        let error = loadError("a: &silmukka\n  b: *silmukka\n")
        #expect(error?.kind == .undefinedAlias)
        #expect(error?.description == "plan.yaml:2:6: alias \"silmukka\" refers to a node that contains it")
    }

    @Test("anchors do not leak from one load into the next")
    func anchorsPerLoad() throws {
        _ = try load("a: &x 1\n")
        #expect(loadError("b: *x\n")?.kind == .undefinedAlias)
    }

    @Test("the file name is reported as given")
    func fileName() {
        do {
            _ = try YAMLLoader.load("a: [", file: "suunnitelmat/2025 luonnos.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "suunnitelmat/2025 luonnos.yaml")
            #expect(error.description.hasPrefix("suunnitelmat/2025 luonnos.yaml:2:1: "))
        }
    }
}
