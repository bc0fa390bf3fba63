// `table: {in, content, columns, filled}`: a table (in sections headed like `in` and, with
// `content`, in sections whose text is about it; or anywhere) has the required columns, and with `filled` (the default) every row has a value in each.
import Foundation

public struct TableCheck: Sendable, CheckKind {
    public struct Column: Sendable {
        public var name: String
        public var aliases: TermPattern
    }

    static let name = "table"
    public var inSections: TermPattern?
    public var columns: [Column]
    /// Every row has a value in each required column.
    public var filled: Bool
    /// Sections whose text is about this count as if headed like `in` (SectionContent.swift).
    public var content: ContentTerms?

    static func parse(_ body: YAMLNode, _ p: CheckParsing) throws(InputError) -> TableCheck {
        let reader = p.reader
        try reader.checkKeys(body, allowed: ["in", "content", "columns", "filled"], name)
        let columnsNode = try reader.require(body, "columns", name)
        guard let items = columnsNode.sequence, !items.isEmpty else { throw reader.error(columnsNode, "table.columns must be a non-empty list") }
        var columns: [Column] = []
        for item in items {
            try reader.checkKeys(item, allowed: ["name", "aliases"], "a table column")
            columns.append(Column(
                name: try reader.string(try reader.require(item, "name", "a table column"), "table column name"),
                aliases: try reader.terms(try reader.require(item, "aliases", "a table column"), "table column aliases")))
        }
        return TableCheck(inSections: try body["in"].map { n throws(InputError) in try reader.terms(n, "table.in") },
                          columns: columns, filled: try p.bool(body, "filled") ?? true,
                          content: try body["content"].map { n throws(InputError) in try ContentTerms.parse(n, reader, "table.content") })
    }

    private static let emptyCell: Set<String> = ["", "-", "–", "—", "?", "…"]

    func evaluate(_ e: CheckEvaluation) -> Outcome {
        var blocks: [Block]
        if let pattern = inSections {
            let headed = e.context.sections(matching: pattern)
            blocks = headed.flatMap(\.allBlocks)
            // The sections whose text is about it are read only when no headed one has a full table.
            let complete = blocks.contains { b in
                guard case .table(let t) = b else { return false }
                return columns.allSatisfy { col in t.header.contains { col.aliases.isFound(in: $0.text) } }
            }
            if !complete, let content {
                let starts = Set(headed.map(\.lines.lowerBound))
                for c in content.qualifying(in: e.context, unless: nil) where !starts.contains(c.section.lines.lowerBound) {
                    blocks += c.section.blocks
                }
            }
        } else {
            blocks = e.context.plan.body.allBlocks
        }
        var best: (table: Table, columns: [Int?])?
        for case .table(let t) in blocks {
            let found = columns.map { col in t.header.firstIndex(where: { col.aliases.isFound(in: $0.text) }) }
            let score = found.compactMap { $0 }.count
            if score > 0, score > (best?.columns.compactMap { $0 }.count ?? 0) { best = (t, found) }
        }
        guard let (t, found) = best else {
            var v = Violation(reason: .missing, range: e.evaluator.sectionAnchor(inSections))
            v.values["columns"] = .list(columns.map(\.name))
            return .fail(v)
        }
        let missingColumns = zip(columns, found).filter { $0.1 == nil }.map { $0.0.name }
        if !missingColumns.isEmpty {
            let header = SourceRange(start: t.header.first?.range.start ?? t.range.start, end: t.header.last?.range.end ?? t.range.end)
            return .fail(Violation(reason: .violation, range: header, evidence: t.header.map(\.text).joined(separator: " | "),
                                   values: ["missing": .list(missingColumns), "columns": .list(columns.map(\.name))]))
        }
        guard filled else { return .pass }
        var violations: [Violation] = []
        for (n, row) in t.rows.enumerated() {
            for (col, index) in zip(columns, found) {
                guard let i = index else { continue }
                let cell = i < row.count ? row[i] : nil
                let text = cell?.text.trimmed(of: .whitespaces) ?? ""
                if TableCheck.emptyCell.contains(text) {
                    let range = cell?.range ?? row.last?.range ?? t.range
                    violations.append(Violation(reason: .empty, range: range, evidence: row.first?.text,
                                                values: ["column": .text(col.name), "row": .number(n + 1), "item": .text(row.first?.text ?? "")]))
                }
            }
        }
        return violations.isEmpty ? .pass : Outcome(passed: false, violations: violations)
    }

    func outline(_ o: Outline) -> String {
        let cols = columns.map(\.name).joined(separator: ", ")
        let about = content.map { o.say(fi: " tai joiden teksti käsittelee \($0.about.fi)", sv: " eller vars text handlar om \($0.about.sv)", en: " or whose text is about \($0.about.en)") } ?? ""
        let place = inSections.map { o.say(fi: " luvuissa, joiden otsikko on kuin \($0)", sv: " i avsnitt med rubrik som \($0)", en: " in sections headed like \($0)") + about } ?? ""
        let full = filled ? o.say(fi: ", jokainen rivi täytetty", sv: ", varje rad ifylld", en: ", every row filled") : ""
        return o.line(fi: "taulukko\(place), sarakkeet \(cols)\(full)", sv: "en tabell\(place) med kolumnerna \(cols)\(full)",
                      en: "a table\(place) with columns \(cols)\(full)")
    }
}
