// The section tree for the Markdown reader: a stack of open sections. A heading of level n
// closes the open sections of level n or deeper (they end on the line before it) and
// opens a child of the deepest one left, so a jump from h1 to h3 nests the h3 under the h1.
// Blocks go to the deepest open section.
//
// Part of the hand-written Markdown reader (no Markdown library with source positions is
// available to this project; see MarkdownParser.swift).

extension MarkdownParser {
    struct SectionBuilder {
        /// The open sections; the root is first and never closed here.
        private var stack: [Section]
        private let lastLine: Int

        init(root: Section, lastLine: Int) {
            self.stack = [root]
            self.lastLine = lastLine
        }

        /// Adds a block to the deepest open section.
        mutating func append(_ block: Block) {
            stack[stack.count - 1].blocks.append(block)
        }

        /// Opens a section for a heading whose first line is `line` (1-based).
        mutating func open(level: Int, title: String, titleRange: SourceRange, line: Int) {
            while stack.count > 1, let top = stack.last, top.level >= level {
                closeTop(endingAt: line - 1)
            }
            stack.append(Section(title: title, titleRange: titleRange, level: level, lines: line...line))
        }

        /// Closes every open section at the last line and returns the root.
        mutating func finish() -> Section {
            while stack.count > 1 { closeTop(endingAt: lastLine) }
            return stack[0]
        }

        private mutating func closeTop(endingAt end: Int) {
            guard stack.count > 1 else { return }
            var section = stack.removeLast()
            let start = section.lines.lowerBound
            section.lines = start...max(start, end)
            stack[stack.count - 1].children.append(section)
        }
    }
}
