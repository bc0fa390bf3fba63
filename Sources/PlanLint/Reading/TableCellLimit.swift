// The limit on table cells per plan, shared by the Markdown and the Word/OpenDocument
// readers (docs/hostile-input.md, "Limits").
//
// Every cell becomes a text block with positions, searched by every check: a million-row
// table within the 8 MB file limit took 11 s and 940 MB. Real plans hold a few thousand
// cells; the limit leaves room for fifty times that and keeps the largest accepted table
// at about a tenth of those figures. A reader counts cells as it reads (a row counts as
// wide as the table once padded) and stops at the row that passes the limit.
public enum TableCellLimit {
    /// The most table cells a plan may hold, over all its tables.
    public static let maxCells = 200_000

    /// The message of a plan whose tables hold at least `cells` cells, `where` in front of
    /// it when the error has no line (a Word table's place).
    static func message(cells: Int, limit: Int = maxCells, where place: Localized? = nil) -> Localized {
        let m = Catalogue.document.tooManyTableCells.localized([
            "n": .text(BoundedFile.bytes(cells)), "limit": .text(BoundedFile.bytes(limit)),
        ])
        guard let place else { return m }
        return Localized(fi: place.fi + ": " + m.fi, sv: place.sv + ": " + m.sv, en: place.en + ": " + m.en)
    }
}

/// The count of a Word or OpenDocument reader, which has no line to point at: the error
/// names the table by its part, its ordinal in that part and the row being read.
struct TableCellCounter {
    private(set) var cells = 0
    private var tables: [LogicalLocation.Part: Int] = [:]
    /// The error, once a table has passed the limit.
    private(set) var error: Localized?

    /// Starts a table of `part`; returns its ordinal in the part.
    mutating func beginTable(_ part: LogicalLocation.Part) -> Int {
        tables[part, default: 0] += 1
        return tables[part]!
    }

    /// Checks a table of `rows` rows padded to `width` cells, before it is added; false
    /// (and the error set) when the plan's cells would pass the limit.
    mutating func fits(rows: Int, width: Int, table: Int, part: LogicalLocation.Part) -> Bool {
        let total = cells + rows * width
        guard total > TableCellLimit.maxCells else { return true }
        let w = Catalogue.word
        var place: [Localized] = []
        switch part {
        case .header: place.append(w.header.localized())
        case .footer: place.append(w.footer.localized())
        default: break
        }
        place.append(w.table.localized(["n": .number(table)]))
        place.append(w.row.localized(["n": .number(rows)]))
        let joined = Localized(fi: place.map(\.fi).joined(separator: ", "), sv: place.map(\.sv).joined(separator: ", "),
                               en: place.map(\.en).joined(separator: ", "))
        error = TableCellLimit.message(cells: total, where: joined)
        return false
    }

    /// Adds a table that fitted.
    mutating func add(rows: Int, width: Int) { cells += rows * width }
}
