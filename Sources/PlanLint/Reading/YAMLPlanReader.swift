// Reads a plan written entirely in YAML: the facts at the top level and the body as
// `sections: [{title, text, sections: [...]}]`.
import Foundation

/// Reads `.yaml`/`.yml` plans.
public struct YAMLPlanReader: PlanFormatReader {
    public init() {}
    public var extensions: [String] { ["yaml", "yml"] }

    public func read(_ text: String, file: String) throws(InputError) -> Plan {
        let root: YAMLNode?
        do {
            root = try YAMLLoader.load(text, file: file)
        } catch {
            throw InputError(error)
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
        guard let root, !root.isNull else {
            throw InputError(.invalidPlan, file: file, at: .start, "the plan is empty")
        }
        guard let pairs = root.mapping else {
            throw InputError(.invalidPlan, file: file, at: root.range.start, "a YAML plan must be a mapping of keys (plan:, status:, sections: …), found a \(root.kindName)")
        }
        var lineStarts = [0]
        for (i, byte) in text.utf8.enumerated() where byte == 0x0A { lineStarts.append(i + 1) }
        let lastLine = max(1, lines.count)
        var body = Section(title: "", titleRange: SourceRange(at: .start), level: 0, lines: 1...lastLine)
        if let sections = root["sections"] {
            body.children = try readSections(sections, level: 1, file: file, lines: lines, lineStarts: lineStarts, lastLine: lastLine)
        }
        let facts = YAMLNode(content: .mapping(pairs.filter { $0.key.scalar?.text != "sections" }), range: root.range)
        var plan = Plan(file: file, format: .yaml, facts: facts, body: body, comments: [], lines: lines)
        plan.keyWarnings = try PlanKeys.check(facts, file: file)
        return plan
    }

    private func readSections(_ node: YAMLNode, level: Int, file: String, lines: [String], lineStarts: [Int], lastLine: Int) throws(InputError) -> [Section] {
        guard let items = node.sequence else {
            throw InputError(.invalidPlan, file: file, at: node.range.start, "sections must be a list of {title, text, sections}, found a \(node.kindName)")
        }
        guard level <= 6 else { throw InputError(.invalidPlan, file: file, at: node.range.start, "sections are nested deeper than 6 levels") }
        var out: [Section] = []
        for item in items {
            guard item.mapping != nil else {
                throw InputError(.invalidPlan, file: file, at: item.range.start, "a section must be a mapping with title and text, found a \(item.kindName)")
            }
            for pair in item.mapping ?? [] {
                let key = pair.key.scalar?.text ?? ""
                guard ["title", "text", "sections", "id"].contains(key) else {
                    throw InputError(.invalidPlan, file: file, at: pair.key.range.start, "unknown key '\(key)' in a section (expected title, text, sections)")
                }
            }
            guard let titleNode = item["title"], let title = titleNode.scalar?.text, !title.isEmpty else {
                throw InputError(.invalidPlan, file: file, at: item.range.start, "a section needs a title")
            }
            var blocks: [Block] = []
            if let textNode = item["text"] {
                guard let scalar = textNode.scalar else {
                    throw InputError(.invalidPlan, file: file, at: textNode.range.start, "a section's text must be text, found a \(textNode.kindName)")
                }
                blocks = paragraphs(scalar, textNode, lines: lines, lineStarts: lineStarts)
            }
            var section = Section(title: title, titleRange: titleNode.range, level: level,
                                  lines: item.range.start.line...max(item.range.start.line, min(lastLine, item.range.end.line)), blocks: blocks)
            if let children = item["sections"] {
                section.children = try readSections(children, level: level + 1, file: file, lines: lines, lineStarts: lineStarts, lastLine: lastLine)
            }
            out.append(section)
        }
        return out
    }

    /// Splits a text scalar into paragraphs at blank lines, each line positioned in the file.
    ///
    /// For block scalars (`|`, `>`) the content lines start on the line after the
    /// indicator, at the block's indentation; for flow scalars the text starts at the node.
    private func paragraphs(_ scalar: YAMLScalar, _ node: YAMLNode, lines: [String], lineStarts: [Int]) -> [Block] {
        let textLines = scalar.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        let isBlock = scalar.style == .literal || scalar.style == .folded
        var positioned: [(String, SourcePosition)] = []
        var fileLine = isBlock ? node.range.start.line + 1 : node.range.start.line
        for (i, t) in textLines.enumerated() {
            var position = node.range.start
            if isBlock || i > 0 {
                // Find the file line holding this text (skip blank lines in the file).
                while fileLine <= lines.count, !t.isEmpty, !lines[fileLine - 1].contains(t.prefix(20)) { fileLine += 1 }
                let raw = fileLine <= lines.count ? lines[fileLine - 1] : ""
                let indent = raw.prefix(while: { $0 == " " }).count
                let lineStart = fileLine <= lineStarts.count ? lineStarts[fileLine - 1] : 0
                position = SourcePosition(line: fileLine, column: indent + 1, offset: lineStart + indent)
            } else if scalar.style != .plain {
                position.column += 1
                position.offset += 1
            }
            positioned.append((t, position))
            if isBlock || i > 0 { fileLine += 1 } else { fileLine = node.range.start.line + 1 }
        }
        var blocks: [Block] = []
        var current: [(String, SourcePosition)] = []
        func flush() {
            guard !current.isEmpty else { return }
            var text = ""
            var segments: [TextBlock.Segment] = []
            for (i, (t, p)) in current.enumerated() {
                if i > 0 { text += "\n" }
                segments.append(.init(textOffset: text.unicodeScalars.count, position: p))
                text += t
            }
            let last = current[current.count - 1]
            let end = SourcePosition(line: last.1.line, column: last.1.column + last.0.unicodeScalars.count, offset: last.1.offset + last.0.utf8.count)
            blocks.append(.paragraph(TextBlock(text: text, range: SourceRange(start: current[0].1, end: end), segments: segments)))
            current = []
        }
        for (t, p) in positioned {
            if t.trimmed(of: .whitespaces).isEmpty { flush() } else { current.append((t.trimmed(of: .whitespaces), p)) }
        }
        flush()
        return blocks
    }
}
