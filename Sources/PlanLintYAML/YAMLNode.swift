// The YAML tree: every node and every mapping key carries its position.
//
// The loader (YAMLLoader.swift) builds this tree from libyaml's event stream. Scalars are
// resolved by the YAML 1.2 core schema: `no`, `on`, `NO` and Finnish words stay strings.
// Dates are never resolved here; a date is read only where a rule expects one.

/// A node of a YAML document with its source range.
public struct YAMLNode: Sendable, Hashable {
    /// What the node holds.
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    /// From the first character of the node to just after its last.
    public var range: SourceRange
    /// An explicit tag such as `!!str`, if the document gave one.
    public var tag: String?

    public init(content: Content, range: SourceRange, tag: String? = nil) {
        self.content = content
        self.range = range
        self.tag = tag
    }
}

/// A key–value pair of a mapping; both carry their own positions.
public struct YAMLPair: Sendable, Hashable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A scalar: its text as written (after YAML unescaping/folding), its style, and its
/// value under the YAML 1.2 core schema.
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The value under the YAML 1.2 core schema. Quoted and block scalars, and scalars
    /// tagged `!!str`, are always `.string`.
    public enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case int(Int)
        case float(Double)
        case string(String)
    }

    public var text: String
    public var style: Style
    public var value: Value

    public init(text: String, style: Style, value: Value) {
        self.text = text
        self.style = style
        self.value = value
    }
}

// MARK: - Convenience accessors

extension YAMLNode {
    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// The items, if this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs, if this node is a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value for a scalar key in a mapping (first match), or nil.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first(where: { $0.key.scalar?.text == key })?.value
    }

    /// The pair for a scalar key in a mapping (first match), or nil.
    public func pair(_ key: String) -> YAMLPair? {
        mapping?.first(where: { $0.key.scalar?.text == key })
    }

    /// True for a null scalar (`~`, `null`, or nothing at all).
    public var isNull: Bool {
        if case .scalar(let s) = content, s.value == .null { return true }
        return false
    }

    /// A short name of the node's kind for messages: "scalar", "list", "mapping".
    public var kindName: String {
        switch content {
        case .scalar: return "scalar"
        case .sequence: return "list"
        case .mapping: return "mapping"
        }
    }
}
