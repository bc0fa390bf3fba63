// Scalar resolution by the YAML 1.2 core schema, styles, and explicit tags.

import PlanLintYAML
import Testing

@Suite("Core schema")
struct CoreSchemaTests {
    /// Plain scalars and the value the core schema gives them.
    static let plainTable: [(String, YAMLScalar.Value)] = [
        // null
        ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("nULL", .string("nULL")),
        // bool: only true/false in three spellings (YAML 1.1's yes/no/on/off are strings)
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("tRUE", .string("tRUE")), ("yes", .string("yes")), ("no", .string("no")),
        ("NO", .string("NO")), ("on", .string("on")), ("Off", .string("Off")),
        ("y", .string("y")), ("n", .string("n")), ("ei", .string("ei")), ("kyllä", .string("kyllä")),
        // int
        ("0", .int(0)), ("-19", .int(-19)), ("+12", .int(12)), ("0755", .int(755)),
        ("0o14", .int(12)), ("0x1F", .int(31)), ("0xff", .int(255)),
        ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
        ("9223372036854775808", .string("9223372036854775808")),
        ("0x8000000000000000", .string("0x8000000000000000")),
        ("0o8", .string("0o8")), ("0x", .string("0x")), ("0xG", .string("0xG")),
        ("-0x1F", .string("-0x1F")), ("1_000", .string("1_000")), ("0b101", .string("0b101")),
        ("12:30", .string("12:30")), ("2026", .int(2026)),
        // float
        ("1.5", .float(1.5)), ("-.5", .float(-0.5)), ("+1.", .float(1.0)), ("1e3", .float(1000)),
        ("6.02E+23", .float(6.02e23)), ("12.1", .float(12.1)), ("10.0", .float(10.0)),
        (".inf", .float(.infinity)), ("+.Inf", .float(.infinity)), ("-.INF", .float(-.infinity)),
        ("inf", .string("inf")), (".Nan", .string(".Nan")), ("1,5", .string("1,5")),
        (".", .string(".")), ("+", .string("+")), ("-1e", .string("-1e")), ("e3", .string("e3")),
        ("1.2.3", .string("1.2.3")),
        // dates and other plan values stay strings
        ("2025-06-14", .string("2025-06-14")), ("14.6.2025", .string("14.6.2025")),
        ("12.6.2023", .string("12.6.2023")), ("§ 45", .string("§ 45")),
        ("kunnanvaltuusto", .string("kunnanvaltuusto")), ("2025–2029", .string("2025–2029")),
    ]

    @Test("plain scalars resolve by the core schema", arguments: plainTable)
    func plain(text: String, expected: YAMLScalar.Value) throws {
        let scalar = try #require(try load("arvo: \(text)")?["arvo"]?.scalar)
        #expect(scalar.text == text)
        #expect(scalar.style == .plain)
        #expect(scalar.value == expected)
    }

    @Test("NaN in three spellings", arguments: [".nan", ".NaN", ".NAN"])
    func nan(text: String) throws {
        let value = try #require(try load(text)?.scalar?.value)
        guard case .float(let d) = value else {
            Issue.record("expected a float, got \(value)")
            return
        }
        #expect(d.isNaN)
    }

    @Test("an empty plain value is null")
    func emptyIsNull() throws {
        let root = try #require(try load("arvo:\nmuu: []"))
        #expect(root["arvo"]?.scalar == YAMLScalar(text: "", style: .plain, value: .null))
    }

    @Test("quoted and block scalars are always strings")
    func quotedAndBlock() throws {
        let root = try #require(try load("""
            a: "true"
            b: 'null'
            c: "123"
            d: |
              42
            e: >
              14.6.2025
              jatkuu
            f: "sarkain\\tja rivinvaihto\\n"
            g: ''

            """))
        #expect(root["a"]?.scalar == YAMLScalar(text: "true", style: .doubleQuoted, value: .string("true")))
        #expect(root["b"]?.scalar == YAMLScalar(text: "null", style: .singleQuoted, value: .string("null")))
        #expect(root["c"]?.scalar == YAMLScalar(text: "123", style: .doubleQuoted, value: .string("123")))
        #expect(root["d"]?.scalar == YAMLScalar(text: "42\n", style: .literal, value: .string("42\n")))
        #expect(root["e"]?.scalar == YAMLScalar(text: "14.6.2025 jatkuu\n", style: .folded, value: .string("14.6.2025 jatkuu\n")))
        #expect(root["f"]?.scalar?.text == "sarkain\tja rivinvaihto\n")
        #expect(root["g"]?.scalar == YAMLScalar(text: "", style: .singleQuoted, value: .string("")))
    }

    @Test("explicit standard tags decide the type")
    func explicitTags() throws {
        let root = try #require(try load("""
            s: !!str 123
            i: !!int "42"
            f: !!float 1
            g: !!float "2.5"
            b: !!bool "false"
            n: !!null ""
            t: !!timestamp 2025-06-14
            x: ! 12
            c: !paikallinen 12
            l: !!seq [1]

            """))
        #expect(root["s"]?.scalar?.value == .string("123"))
        #expect(root["s"]?.tag == "!!str")
        #expect(root["i"]?.scalar?.value == .int(42))
        #expect(root["i"]?.scalar?.style == .doubleQuoted)
        #expect(root["f"]?.scalar?.value == .float(1))
        #expect(root["g"]?.scalar?.value == .float(2.5))
        #expect(root["b"]?.scalar?.value == .bool(false))
        #expect(root["n"]?.scalar?.value == .null)
        #expect(root["t"]?.scalar?.value == .string("2025-06-14"))
        #expect(root["t"]?.tag == "!!timestamp")
        #expect(root["x"]?.scalar?.value == .string("12"))
        #expect(root["x"]?.tag == "!")
        #expect(root["c"]?.scalar?.value == .string("12"))
        #expect(root["c"]?.tag == "!paikallinen")
        #expect(root["l"]?.tag == "!!seq")
        #expect(root["l"]?.sequence?.first?.scalar?.value == .int(1))
        #expect(root["i"]?.tag == "!!int")
        #expect(root.pair("s")?.key.tag == nil)
    }

    @Test(
        "a value that does not fit its explicit tag is an error at the node",
        arguments: [
            ("a: !!int abc", "plan.yaml:1:4: invalid !!int value \"abc\""),
            ("a: !!int 1_000", "plan.yaml:1:4: invalid !!int value \"1_000\""),
            ("a: !!float 14.6.2025", "plan.yaml:1:4: invalid !!float value \"14.6.2025\""),
            ("a: !!bool yes", "plan.yaml:1:4: invalid !!bool value \"yes\""),
            ("a: !!null ei", "plan.yaml:1:4: invalid !!null value \"ei\""),
            ("a: !!int 99999999999999999999", "plan.yaml:1:4: invalid !!int value \"99999999999999999999\""),
            ("a:\n  - !!map x", "plan.yaml:2:5: a scalar cannot have the tag !!map"),
        ])
    func tagMismatch(text: String, description: String) {
        let error = loadError(text)
        #expect(error?.kind == .syntax)
        #expect(error?.description == description)
    }

    @Test("integer keys in a plan (budget years) resolve but keep their text")
    func integerKeys() throws {
        let root = try #require(try load("resources: {2026: 15000, 2027: \"ei lisäresursseja\"}"))
        let pairs = try #require(root["resources"]?.mapping)
        #expect(pairs.map(\.key.scalar?.text) == ["2026", "2027"])
        #expect(pairs.map(\.key.scalar?.value) == [.int(2026), .int(2027)])
        #expect(pairs[0].value.scalar?.value == .int(15000))
        #expect(root["resources"]?["2027"]?.scalar?.value == .string("ei lisäresursseja"))
    }
}
