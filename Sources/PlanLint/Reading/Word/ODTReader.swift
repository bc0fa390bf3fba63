// Reading an OpenDocument text (.odt, and flat .fodt): content.xml with the styles.
//
// - Headings are `text:h` with their outline level, and paragraphs whose style (or a
//   style it derives from, `style:parent-style-name`) has a default outline level.
// - Heading numbers from the outline numbering (`text:outline-style`) are counted, so a
//   heading shown as "3.2" reads "3.2 …"; a `text:number` written by the program wins.
// - Tracked changes: the deleted text lives in `text:tracked-changes` and is not read;
//   inserted text stands in the body and is read; each changed region counts as open for
//   review. Annotations (comments) are not plan text; unresolved ones are counted.
// - Tables on their grid: a spanned cell repeats its text over the columns it spans, and
//   a covered cell takes the text of the cell above it (vertical merge).
// - Headers and footers of the master pages come first; notes and text boxes follow the
//   paragraph they are in.
import Foundation

struct ODTReader {
    private struct Style {
        var parent: String?
        var outlineLevel: Int?
        var bold: Bool?
        var displayName: String?
    }

    private var styles: [String: Style] = [:]
    /// The outline numbering: per level, whether it is numbered and how many levels it shows.
    private var outline: [Int: (numbered: Bool, display: Int, start: Int)] = [:]
    private var counters: [Int] = []
    private var blocks: [WordBlock] = []
    private var tableCells = TableCellCounter()

    /// Reads a zipped .odt.
    static func read(_ container: inout WordContainer, file: String) throws(InputError) -> Plan {
        guard let content = try container.part("content.xml") else {
            throw InputError(.damagedDocument, file: file, WordPlanReader.Messages.noDocumentPart)
        }
        let stylesRoot = try container.part("styles.xml").map { (d: Data) throws(InputError) -> XMLElement in try DocxReader.parse(d, "styles.xml", file) }
        let contentRoot = try DocxReader.parse(content, "content.xml", file)
        return try read(content: contentRoot, styles: stylesRoot, file: file)
    }

    /// Reads a flat .fodt: one XML document holding styles and content.
    static func readFlat(_ data: Data, file: String) throws(InputError) -> Plan {
        let root = try DocxReader.parse(data, "fodt", file)
        guard root.name == "office:document" else {
            throw InputError(.damagedDocument, file: file, WordPlanReader.Messages.noDocumentPart)
        }
        return try read(content: root, styles: root, file: file)
    }

    private static func read(content: XMLElement, styles stylesRoot: XMLElement?, file: String) throws(InputError) -> Plan {
        var reader = ODTReader()
        for root in [stylesRoot, content].compactMap({ $0 }) {
            for group in ["office:styles", "office:automatic-styles"] {
                if let g = root.child(group) { reader.readStyles(g) }
            }
        }
        if let os = stylesRoot?.child("office:styles")?.child("text:outline-style") ?? content.child("office:styles")?.child("text:outline-style") {
            for l in os.children("text:outline-level-style") {
                guard let n = l["text:level"].flatMap({ Int($0) }) else { continue }
                let format = l["style:num-format"] ?? ""
                reader.outline[n] = (!format.isEmpty, Int(l["text:display-levels"] ?? "1") ?? 1, Int(l["text:start-value"] ?? "1") ?? 1)
            }
        }
        if let master = stylesRoot?.child("office:master-styles") {
            var seen: Set<String> = []
            for page in master.children("style:master-page") {
                for (name, part) in [("style:header", LogicalLocation.Part.header), ("style:footer", .footer)] {
                    guard let h = page.child(name) else { continue }
                    let text = h.allText
                    guard !text.trimmed(of: .whitespacesAndNewlines).isEmpty, !seen.contains(name + text) else { continue }
                    seen.insert(name + text)
                    reader.readContainer(h, part: part)
                }
            }
        }
        if let text = content.child("office:body")?.child("office:text") {
            reader.readContainer(text, part: .body)
        }
        if let tooMany = reader.tableCells.error { throw InputError(.tooLarge, file: file, tooMany) }
        return WordPlanBuilder.build(reader.blocks, file: file, format: .openDocument)
    }

    private mutating func readStyles(_ group: XMLElement) {
        for s in group.children("style:style") {
            guard let name = s["style:name"] else { continue }
            var style = Style()
            style.parent = s["style:parent-style-name"]
            style.outlineLevel = s["style:default-outline-level"].flatMap { Int($0) }
            style.displayName = s["style:display-name"]
            if let w = s.child("style:text-properties")?["fo:font-weight"] { style.bold = w == "bold" || (Int(w) ?? 400) >= 600 }
            styles[name] = style
        }
    }

    private func styleValue<T>(_ name: String?, _ key: (Style) -> T?) -> T? {
        var current = name
        var steps = 0
        while let c = current, let s = styles[c], steps < 20 {
            if let v = key(s) { return v }
            current = s.parent
            steps += 1
        }
        return nil
    }

    private func headingLevel(style: String?) -> Int? {
        if let l = styleValue(style, { $0.outlineLevel }), l >= 1 { return min(l, 6) }
        if let name = styleValue(style, { $0.displayName })?.lowercased(), name.hasPrefix("heading "), let n = Int(name.dropFirst(8)) { return min(max(n, 1), 6) }
        return nil
    }

    private mutating func outlineNumber(level: Int) -> String? {
        while counters.count < level { counters.append(0) }
        for l in 0..<(level - 1) where counters[l] == 0 { counters[l] = outline[l + 1]?.start ?? 1 }
        counters[level - 1] = counters[level - 1] == 0 ? (outline[level]?.start ?? 1) : counters[level - 1] + 1
        for l in level..<counters.count { counters[l] = 0 }
        guard let spec = outline[level], spec.numbered else { return nil }
        let from = max(0, level - max(1, spec.display))
        return counters[from..<level].map(String.init).joined(separator: ".")
    }

    private mutating func readContainer(_ e: XMLElement, part: LogicalLocation.Part, listDepth: Int = 0) {
        for child in e.elements {
            switch child.name {
            case "text:h":
                let level = max(1, min(6, child["text:outline-level"].flatMap { Int($0) } ?? headingLevel(style: child["text:style-name"]) ?? 1))
                // A list header (`text:is-list-header`) is a heading without a number.
                readParagraph(child, part: part, heading: level, numbered: child["text:is-list-header"] != "true")
            case "text:p":
                readParagraph(child, part: part, heading: headingLevel(style: child["text:style-name"]), listItem: listDepth > 0)
            case "text:list":
                for item in child.children("text:list-item") + child.children("text:list-header") {
                    readContainer(item, part: part, listDepth: listDepth + 1)
                }
            case "table:table": readTable(child, part: part)
            case "text:section", "text:index-body", "office:text", "style:header", "style:footer", "style:region-left", "style:region-center", "style:region-right":
                readContainer(child, part: part, listDepth: listDepth)
            case "text:tracked-changes", "text:table-of-content", "office:forms", "text:sequence-decls", "text:variable-decls":
                break
            default: break
            }
        }
    }

    private struct Inline {
        var text = ""
        var boldChars = 0
        var plainChars = 0
        var review: [DocumentReview.Kind] = []
        var notes: [XMLElement] = []
        var boxes: [XMLElement] = []
        var number: String?
    }

    private mutating func readParagraph(_ p: XMLElement, part: LogicalLocation.Part, heading: Int?, listItem: Bool = false, numbered: Bool = true) {
        var inline = Inline()
        let bold = styleValue(p["text:style-name"]) { $0.bold } ?? false
        collect(p, into: &inline, bold: bold)
        var paragraph = WordParagraph(text: inline.text)
        paragraph.headingLevel = heading
        paragraph.isListItem = listItem && heading == nil
        paragraph.part = part
        paragraph.review = inline.review
        paragraph.allBold = inline.boldChars > 0 && inline.plainChars == 0
        if let level = heading, part == .body, numbered {
            let counted = outlineNumber(level: level)
            paragraph.number = inline.number ?? counted
        }
        if !inline.text.trimmed(of: .whitespacesAndNewlines).isEmpty || !inline.review.isEmpty {
            blocks.append(.paragraph(paragraph))
        }
        for box in inline.boxes { readContainer(box, part: .textBox) }
        for note in inline.notes {
            readContainer(note, part: .footnote)
        }
    }

    private func collect(_ e: XMLElement, into inline: inout Inline, bold: Bool) {
        for node in e.children {
            switch node {
            case .text(let t):
                inline.text += t
                let visible = t.unicodeScalars.filter { !$0.properties.isWhitespace }.count
                if bold { inline.boldChars += visible } else { inline.plainChars += visible }
            case .element(let child):
                switch child.name {
                case "text:s":
                    inline.text += String(repeating: " ", count: max(1, min(100, Int(child["text:c"] ?? "1") ?? 1)))
                case "text:tab", "text:line-break": inline.text += " "
                case "text:number": inline.number = child.allText.trimmed(of: .whitespaces).trimmingSuffix(".")
                case "text:change-start": inline.review.append(.insertion)
                case "text:change": inline.review.append(.deletion)
                case "office:annotation":
                    if child["loext:resolved"] != "true" { inline.review.append(.comment) }
                case "office:annotation-end", "text:bookmark", "text:bookmark-start", "text:bookmark-end", "text:soft-page-break", "text:change-end":
                    break
                case "text:note":
                    if let body = child.child("text:note-body") { inline.notes.append(body) }
                case "draw:frame", "draw:custom-shape", "draw:g":
                    inline.boxes += child.descendants("draw:text-box")
                    if child.name == "draw:custom-shape" { inline.boxes.append(child) }
                case "text:span", "text:a", "text:ruby", "text:ruby-base", "text:meta", "text:date", "text:page-number", "text:title", "text:subject", "text:author-name":
                    let runBold = styleValue(child["text:style-name"]) { $0.bold } ?? bold
                    collect(child, into: &inline, bold: runBold)
                default:
                    collect(child, into: &inline, bold: bold)
                }
            }
        }
    }

    private mutating func readTable(_ t: XMLElement, part: LogicalLocation.Part) {
        var rowsXML: [XMLElement] = []
        func gather(_ e: XMLElement) {
            for c in e.elements {
                switch c.name {
                case "table:table-row": rowsXML.append(c)
                case "table:table-header-rows", "table:table-rows", "table:table-row-group": gather(c)
                default: break
                }
            }
        }
        gather(t)
        guard tableCells.error == nil else { return }
        let ordinal = tableCells.beginTable(part)
        var width = 0
        var rows: [[String]] = []
        var review: [DocumentReview.Kind] = []
        for tr in rowsXML {
            var row: [String] = []
            // Covered cells still owed to a cell spanning to the right.
            var spanLeft = 0
            for tc in tr.elements where tc.name == "table:table-cell" || tc.name == "table:covered-table-cell" {
                let repeatCount = max(1, min(64, Int(tc["table:number-columns-repeated"] ?? "1") ?? 1))
                var text = ""
                if tc.name == "table:covered-table-cell" {
                    let column = row.count
                    if spanLeft > 0, let left = row.last {
                        text = left
                        spanLeft -= 1
                    } else if let above = rows.last, column < above.count {
                        text = above[column]
                    }
                } else {
                    spanLeft = max(0, min(64, Int(tc["table:number-columns-spanned"] ?? "1") ?? 1) - 1)
                    var parts: [String] = []
                    for p in tc.descendants("text:p") + tc.descendants("text:h") {
                        var inline = Inline()
                        collect(p, into: &inline, bold: false)
                        review += inline.review
                        parts.append(inline.text.trimmed(of: .whitespaces))
                    }
                    text = parts.filter { !$0.isEmpty }.joined(separator: " ")
                }
                for _ in 0..<repeatCount where row.count < 256 { row.append(text) }
                // Stops at the row that takes the plan's cells past the limit.
                guard tableCells.fits(rows: rows.count + 1, width: max(width, row.count), table: ordinal, part: part) else { return }
            }
            while let last = row.last, last.isEmpty, row.count > 1 { row.removeLast() }
            width = max(width, row.count)
            rows.append(row)
        }
        tableCells.add(rows: rows.count, width: width)
        blocks.append(.table(WordTable(rows: rows, review: review, part: part)))
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var s = self
        while s.hasSuffix(suffix) { s.removeLast(suffix.count) }
        return s
    }
}
