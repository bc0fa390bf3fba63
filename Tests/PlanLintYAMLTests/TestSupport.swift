// Helpers shared by the YAML loader tests: loading fixtures and catching the one error type.

import PlanLintYAML

/// A position written compactly: line, column (in scalars), UTF-8 byte offset.
func pos(_ line: Int, _ column: Int, _ offset: Int) -> SourcePosition {
    SourcePosition(line: line, column: column, offset: offset)
}

/// Loads text that must be valid; a `YAMLError` becomes a thrown test failure.
func load(
    _ text: String, base: SourcePosition = .start, limits: YAMLLimits = .default
) throws -> YAMLNode? {
    try YAMLLoader.load(text, file: "plan.yaml", base: base, limits: limits)
}

/// The error loading `text` throws, or nil if it loads.
func loadError(
    _ text: String, base: SourcePosition = .start, limits: YAMLLimits = .default
) -> YAMLError? {
    loadError(bytes: Array(text.utf8), base: base, limits: limits)
}

/// The error loading raw `bytes` throws, or nil if they load.
func loadError(
    bytes: [UInt8], base: SourcePosition = .start, limits: YAMLLimits = .default
) -> YAMLError? {
    do {
        _ = try YAMLLoader.load(bytes: bytes, file: "plan.yaml", base: base, limits: limits)
        return nil
    } catch {
        return error
    }
}

/// A realistic plan document (Finnish keys and values, a flow mapping, an emoji).
let planFixture = """
    plan:
      title: "Lasten ja nuorten hyvinvointisuunnitelma 2025–2029"
      municipalities: [Esimerkkilä, Ääneläinen]
    status: approved  # hyväksytty 🙂
    approvals:
      - body: kunnanvaltuusto
        date: 14.6.2023
        minute: "§ 45"
      - {body: "yhteistoiminta-alue 🙂", date: 2023-06-01, minute: '§ 12'}

    """
