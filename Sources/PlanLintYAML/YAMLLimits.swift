// Resource limits of the YAML loader.
//
// A plan file comes from outside, so the loader bounds what one document may cost: its size
// in bytes, how deeply collections nest, how many nodes it builds, and how much aliases may
// expand. YAMLLoader.swift enforces these; each crossing is a `YAMLError` with a position.

/// Bounds on what one YAML document may cost to load.
///
/// The defaults are far above any real plan and far below what would hurt the machine.
public struct YAMLLimits: Sendable, Hashable {
    /// The largest input accepted, in bytes; checked before parsing starts.
    public var maxInputBytes: Int
    /// The deepest nesting of sequences and mappings accepted.
    public var maxDepth: Int
    /// The most nodes one document may build, counting every node an alias copies.
    public var maxNodes: Int
    /// The most nodes aliases may add in total (a bound on "billion laughs" documents).
    public var maxAliasExpansion: Int

    /// Creates limits; every argument defaults to the value in `YAMLLimits.default`.
    public init(
        maxInputBytes: Int = 8 * 1024 * 1024,
        maxDepth: Int = 128,
        maxNodes: Int = 200_000,
        maxAliasExpansion: Int = 10_000
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxAliasExpansion = maxAliasExpansion
    }

    /// 8 MB of input, 128 levels of nesting, 200,000 nodes, 10,000 nodes through aliases.
    public static let `default` = YAMLLimits()
}
