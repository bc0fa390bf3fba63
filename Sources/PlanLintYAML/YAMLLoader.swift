// Loading one YAML document into a `YAMLNode` tree, on libyaml's event API.
//
// This file owns the walk over libyaml's events: it builds nodes with true file positions
// (SourceMap.swift), resolves scalars (CoreSchema.swift), rejects duplicate keys, expands
// aliases by copying the anchored node, and enforces `YAMLLimits` while parsing, so a deep or
// explosive document stops early. Every failure becomes a `YAMLError`. The libyaml parser,
// its input buffer and each event are released on every path.

import CLibYAML

/// Loads YAML documents with positions, under resource limits.
public enum YAMLLoader {
    /// Parses one YAML document from text.
    ///
    /// `base` is the file position of the first byte of `text` (used when YAML is embedded,
    /// e.g. Markdown front matter starting on line 2): every reported position is shifted so
    /// it is a true position in the file. An empty document (nothing, or only comments, or
    /// only `---`) returns nil. Scalars are resolved by the YAML 1.2 core schema.
    public static func load(
        _ text: String,
        file: String,
        base: SourcePosition = .start,
        limits: YAMLLimits = .default
    ) throws(YAMLError) -> YAMLNode? {
        try load(bytes: Array(text.utf8), file: file, base: base, limits: limits)
    }

    /// Parses one YAML document from raw bytes, which must be UTF-8 (a leading byte order
    /// mark is skipped).
    ///
    /// Invalid UTF-8 and characters YAML forbids are reported as `.encoding` errors with their
    /// position. Otherwise behaves as `load(_:file:base:limits:)`.
    public static func load(
        bytes: [UInt8],
        file: String,
        base: SourcePosition = .start,
        limits: YAMLLimits = .default
    ) throws(YAMLError) -> YAMLNode? {
        if bytes.count > limits.maxInputBytes {
            throw YAMLError(
                kind: .tooLarge, file: file, position: base,
                message: "document is \(formatSize(bytes.count)); "
                    + "the limit is \(formatSize(limits.maxInputBytes))")
        }
        var builder = TreeBuilder(
            source: SourceMap(bytes: bytes, base: base), file: file, limits: limits)
        return try builder.run()
    }

    /// A byte count for a message: "9.2 MB", "12.0 KB" or "100 bytes".
    static func formatSize(_ bytes: Int) -> String {
        func tenths(_ unit: Int) -> String {
            let t = (bytes * 10 + unit / 2) / unit
            return "\(t / 10).\(t % 10)"
        }
        if bytes >= 1024 * 1024 { return tenths(1024 * 1024) + " MB" }
        if bytes >= 1024 { return tenths(1024) + " KB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}

// MARK: - The event walk

/// Builds one document's tree from libyaml's events.
private struct TreeBuilder {
    let source: SourceMap
    let file: String
    let limits: YAMLLimits

    /// A sequence or mapping whose end event has not come yet.
    private struct Frame {
        var isMapping: Bool
        var isBlock: Bool
        var start: SourcePosition
        var tag: String?
        var anchor: String?
        /// Nodes in this subtree so far, itself included (alias copies count in full).
        var count = 1
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// The first line of each key seen so far, for duplicate detection.
        var keyLines: [KeyIdentity: Int] = [:]
    }

    /// An anchored node, ready to be copied by an alias.
    private struct Anchored {
        var node: YAMLNode
        var count: Int
    }

    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    /// Anchors on collections still open: an alias to one of them would be recursive.
    private var openAnchors: [String: Int] = [:]
    private var root: YAMLNode?
    private var documents = 0
    private var nodes = 0
    private var expansion = 0

    init(source: SourceMap, file: String, limits: YAMLLimits) {
        self.source = source
        self.file = file
        self.limits = limits
    }

    /// Runs libyaml over the input and returns the document's root, if any.
    mutating func run() throws(YAMLError) -> YAMLNode? {
        let length = source.bytes.count - source.start
        if length <= 0 { return nil }

        // libyaml reads from this buffer until the parser is deleted.
        let input = UnsafeMutablePointer<UInt8>.allocate(capacity: length)
        defer { input.deallocate() }
        _ = UnsafeMutableBufferPointer(start: input, count: length)
            .initialize(from: source.bytes[source.start...])

        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            throw error(.tooLarge, at: source.base, "libyaml could not allocate its parser")
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input, length)

        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }

        while true {
            guard yaml_parser_parse(parser, event) != 0 else {
                throw libyamlError(parser.pointee)
            }
            defer { yaml_event_delete(event) }
            if try handle(event.pointee) { break }
        }

        if let root, stack.isEmpty, root.tag == nil, let scalar = root.scalar,
            scalar.style == .plain, scalar.text.isEmpty
        {
            return nil  // `---` with nothing after it
        }
        return root
    }

    /// Handles one event; returns true at the end of the stream.
    private mutating func handle(_ event: yaml_event_t) throws(YAMLError) -> Bool {
        let start = position(event.start_mark)
        switch event.type {
        case YAML_STREAM_END_EVENT, YAML_NO_EVENT:
            return true  // libyaml gives no events after the stream's end

        case YAML_DOCUMENT_START_EVENT:
            if documents > 0 {
                throw error(
                    .multipleDocuments, at: start,
                    "expected one YAML document, found a second one")
            }
            documents += 1

        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor) ?? ""
            if openAnchors[name, default: 0] > 0 {
                throw error(
                    .undefinedAlias, at: start,
                    "alias \(CoreSchema.quoted(name)) refers to a node that contains it")
            }
            guard let anchored = anchors[name] else {
                throw error(.undefinedAlias, at: start, "undefined alias \(CoreSchema.quoted(name))")
            }
            expansion = saturatingSum(expansion, anchored.count)
            if expansion > limits.maxAliasExpansion {
                throw error(
                    .aliasExpansion, at: start,
                    "aliases expand to more than \(limits.maxAliasExpansion) nodes")
            }
            try countNodes(anchored.count, at: start)
            var copy = anchored.node
            copy.range = SourceRange(start: start, end: position(event.end_mark))
            try attach(copy, count: anchored.count)

        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            try countNodes(1, at: start)
            let text = string(data.value, length: Int(data.length))
            let style = scalarStyle(data.style)
            let tag = string(data.tag)
            let value: YAMLScalar.Value
            switch CoreSchema.value(of: text, style: style, tag: tag) {
            case .success(let v): value = v
            case .failure(let mismatch): throw error(.syntax, at: start, mismatch.message)
            }
            let node = YAMLNode(
                content: .scalar(YAMLScalar(text: text, style: style, value: value)),
                range: SourceRange(start: start, end: position(event.end_mark)),
                tag: tag.map(shortTag))
            if let anchor = string(data.anchor) {
                anchors[anchor] = Anchored(node: node, count: 1)
            }
            try attach(node, count: 1)

        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            try open(
                isMapping: false, isBlock: data.style == YAML_BLOCK_SEQUENCE_STYLE,
                start: start, tag: string(data.tag), anchor: string(data.anchor))

        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            try open(
                isMapping: true, isBlock: data.style == YAML_BLOCK_MAPPING_STYLE,
                start: start, tag: string(data.tag), anchor: string(data.anchor))

        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try close(end: position(event.end_mark))

        default:
            break  // stream start, document end
        }
        return false
    }

    // MARK: Collections

    private mutating func open(
        isMapping: Bool, isBlock: Bool, start: SourcePosition, tag: String?, anchor: String?
    ) throws(YAMLError) {
        if stack.count >= limits.maxDepth {
            throw error(.tooDeep, at: start, "nesting deeper than \(limits.maxDepth) levels")
        }
        try countNodes(1, at: start)
        if let anchor { openAnchors[anchor, default: 0] += 1 }
        stack.append(
            Frame(
                isMapping: isMapping, isBlock: isBlock, start: start, tag: tag, anchor: anchor))
    }

    private mutating func close(end eventEnd: SourcePosition) throws(YAMLError) {
        guard let frame = stack.popLast() else { return }
        // A block collection's end event is marked where the next token starts, possibly
        // lines later; its true end is the end of its last entry.
        var end = eventEnd
        if frame.isBlock {
            if frame.isMapping, let last = frame.pairs.last {
                end = last.value.range.end
            } else if !frame.isMapping, let last = frame.items.last {
                end = last.range.end
            }
        }
        let node = YAMLNode(
            content: frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items),
            range: SourceRange(start: frame.start, end: end),
            tag: frame.tag.map(shortTag))
        if let anchor = frame.anchor {
            openAnchors[anchor, default: 1] -= 1
            anchors[anchor] = Anchored(node: node, count: frame.count)
        }
        try attach(node, count: frame.count)
    }

    /// Puts a finished node into its parent (or makes it the root).
    private mutating func attach(_ node: YAMLNode, count: Int) throws(YAMLError) {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        stack[top].count = saturatingSum(stack[top].count, count)
        if !stack[top].isMapping {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            if let scalar = node.scalar, scalar.style == .plain, scalar.text == "<<", node.tag == nil {
                throw error(
                    .syntax, at: node.range.start,
                    "merge keys (<<) are not supported; write the keys out, or quote '<<' if it is meant as a key")
            }
            let identity = KeyIdentity(node)
            if let firstLine = stack[top].keyLines[identity] {
                throw error(
                    .duplicateKey, at: node.range.start,
                    "duplicate \(keyDescription(node)) (first defined on line \(firstLine))")
            }
            stack[top].keyLines[identity] = node.range.start.line
            stack[top].pendingKey = node
            return
        }
        stack[top].pairs.append(YAMLPair(key: key, value: node))
        stack[top].pendingKey = nil
    }

    private func keyDescription(_ key: YAMLNode) -> String {
        if let scalar = key.scalar { return "key \(CoreSchema.quoted(scalar.text))" }
        return "\(key.kindName) key"
    }

    private mutating func countNodes(_ added: Int, at position: SourcePosition) throws(YAMLError) {
        nodes = saturatingSum(nodes, added)
        if nodes > limits.maxNodes {
            throw error(.tooManyNodes, at: position, "document has more than \(limits.maxNodes) nodes")
        }
    }

    /// `a + b`, or `Int.max` if that overflows (limits near `Int.max` must not trap).
    private func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    // MARK: Conversions

    private func position(_ mark: yaml_mark_t) -> SourcePosition {
        source.position(line: Int(mark.line), column: Int(mark.column), index: Int(mark.index))
    }

    private func error(_ kind: YAMLError.Kind, at position: SourcePosition, _ message: String)
        -> YAMLError
    {
        YAMLError(kind: kind, file: file, position: position, message: message)
    }

    /// The error libyaml reported, as a `YAMLError`.
    private func libyamlError(_ parser: yaml_parser_t) -> YAMLError {
        let problem = string(parser.problem) ?? "unknown libyaml error"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return error(.tooLarge, at: source.base, "libyaml ran out of memory")
        case YAML_READER_ERROR:
            var message = problem
            let value = Int(parser.problem_value)
            if value >= 0 {
                let hex = String(value, radix: 16, uppercase: true)
                message += problem.contains("octet")
                    ? " (byte 0x\(hex.count < 2 ? "0" + hex : hex))"
                    : " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))"
            }
            let at = source.position(ofByte: source.start + Int(parser.problem_offset))
            return error(.encoding, at: at, message)
        default:
            var message = problem
            if let context = string(parser.context) {
                let line = position(parser.context_mark).line
                message += " (\(context) at line \(line))"
            }
            return error(.syntax, at: position(parser.problem_mark), message)
        }
    }

    private func scalarStyle(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    /// `tag:yaml.org,2002:str` as `!!str`; other tags as libyaml resolved them.
    private func shortTag(_ tag: String) -> String {
        if tag.hasPrefix(CoreSchema.standardTagPrefix) {
            return "!!" + tag.dropFirst(CoreSchema.standardTagPrefix.count)
        }
        return tag
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer, length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }
}

// MARK: - Key identity

/// What makes two mapping keys the same: scalars by their text, collections by structure
/// (positions, styles and tags do not count).
private indirect enum KeyIdentity: Hashable {
    case scalar(String)
    case sequence([KeyIdentity])
    case mapping([KeyIdentity: KeyIdentity])

    init(_ node: YAMLNode) {
        switch node.content {
        case .scalar(let s):
            self = .scalar(s.text)
        case .sequence(let items):
            self = .sequence(items.map(KeyIdentity.init))
        case .mapping(let pairs):
            var entries: [KeyIdentity: KeyIdentity] = [:]
            for pair in pairs { entries[KeyIdentity(pair.key)] = KeyIdentity(pair.value) }
            self = .mapping(entries)
        }
    }
}
