// Reading a Word (.docx) document: word/document.xml with its styles, numbering,
// headers, footers, footnotes and comments.
//
// - Headings are recognised by what the style *is*, not by its id: Finnish Word writes
//   the id `Otsikko1`, Swedish Word `Rubrik1`, and both name the style `heading 1` in
//   styles.xml. A style's level comes from its name ("heading N", "title" → 1) or its
//   outline level, following `basedOn` to the styles it derives from; a paragraph's own
//   outline level counts too.
// - Automatic numbers (numbering.xml) are counted as Word counts them, so a heading
//   numbered "3.2" in the document reads "3.2 …" here.
// - Tracked changes: deleted text (w:del, w:moveFrom) is not read, inserted text (w:ins,
//   w:moveTo) is; each change is counted as open for review. Comments are not plan text;
//   unresolved ones are counted.
// - Tables on their grid: merged cells (gridSpan, vMerge) repeat their text over the
//   columns and rows they cover. Text boxes and footnotes follow the paragraph they are
//   anchored in; headers and footers (where cover information often sits) come first.
import Foundation

struct DocxReader {
    private struct Style {
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
        var numID: String?
        var numLevel: Int?
        var bold: Bool?
    }

    private struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
    }

    private var styles: [String: Style] = [:]
    private var defaultParagraphStyle: String?
    /// numId → abstractNumId, and the levels of each abstract numbering.
    private var numToAbstract: [String: String] = [:]
    private var abstractLevels: [String: [Int: Level]] = [:]
    private var numOverrides: [String: [Int: Int]] = [:]
    private var counters: [String: [Int]] = [:]
    private var footnotes: [String: [XMLElement]] = [:]
    private var openComments: Set<String> = []
    private var blocks: [WordBlock] = []
    private var tableCells = TableCellCounter()

    static func read(_ container: inout WordContainer, file: String) throws(InputError) -> Plan {
        var reader = DocxReader()
        guard let documentData = try container.part("word/document.xml") else {
            throw InputError(.damagedDocument, file: file, WordPlanReader.Messages.noDocumentPart)
        }
        if let data = try container.part("word/styles.xml") { reader.readStyles(try parse(data, "word/styles.xml", file)) }
        if let data = try container.part("word/numbering.xml") { reader.readNumbering(try parse(data, "word/numbering.xml", file)) }
        if let data = try container.part("word/footnotes.xml") { reader.readNotes(try parse(data, "word/footnotes.xml", file), "w:footnote") }
        if let data = try container.part("word/endnotes.xml") { reader.readNotes(try parse(data, "word/endnotes.xml", file), "w:endnote") }
        if let data = try container.part("word/comments.xml") {
            var done: Set<String> = []
            if let ext = try container.part("word/commentsExtended.xml") {
                for e in try parse(ext, "word/commentsExtended.xml", file).descendants("w15:commentEx") where e["w15:done"] == "1" {
                    if let id = e["w15:paraId"] { done.insert(id) }
                }
            }
            for c in try parse(data, "word/comments.xml", file).descendants("w:comment") {
                guard let id = c["w:id"] else { continue }
                let lastPara = c.descendants("w:p").last?["w14:paraId"]
                if let p = lastPara, done.contains(p) { continue }
                reader.openComments.insert(id)
            }
        }
        // Headers and footers first: cover information (the plan's name, status, date) often sits there.
        var seen: Set<String> = []
        for path in container.paths.sorted() where path.hasPrefix("word/header") || path.hasPrefix("word/footer") {
            guard path.hasSuffix(".xml"), let data = try container.part(path) else { continue }
            let part: LogicalLocation.Part = path.hasPrefix("word/header") ? .header : .footer
            let root = try parse(data, path, file)
            let text = root.allText
            guard !text.trimmed(of: .whitespacesAndNewlines).isEmpty, !seen.contains(text) else { continue }
            seen.insert(text)
            reader.readContainer(root, part: part)
            if let tooMany = reader.tableCells.error { throw InputError(.tooLarge, file: file, tooMany) }
        }
        let document = try parse(documentData, "word/document.xml", file)
        if let body = document.child("w:body") { reader.readContainer(body, part: .body) }
        if let tooMany = reader.tableCells.error { throw InputError(.tooLarge, file: file, tooMany) }
        return WordPlanBuilder.build(reader.blocks, file: file, format: .word)
    }

    static func parse(_ data: Data, _ part: String, _ file: String) throws(InputError) -> XMLElement {
        do {
            return try XMLTree.parse(data)
        } catch {
            throw WordPlanReader.xmlError(error, part: part, file: file)
        }
    }

    // MARK: styles and numbering

    private mutating func readStyles(_ root: XMLElement) {
        for s in root.children("w:style") where s["w:type"] == "paragraph" || s["w:type"] == nil {
            guard let id = s["w:styleId"] else { continue }
            var style = Style()
            style.name = s.child("w:name")?["w:val"]
            style.basedOn = s.child("w:basedOn")?["w:val"]
            if let ppr = s.child("w:pPr") {
                style.outlineLevel = ppr.child("w:outlineLvl")?["w:val"].flatMap { Int($0) }
                if let num = ppr.child("w:numPr") {
                    style.numID = num.child("w:numId")?["w:val"]
                    style.numLevel = num.child("w:ilvl")?["w:val"].flatMap { Int($0) }
                }
            }
            if let b = s.child("w:rPr")?.child("w:b") { style.bold = Self.isOn(b) }
            styles[id] = style
            if s["w:default"] == "1" || s["w:default"] == "true" { defaultParagraphStyle = id }
        }
    }

    private mutating func readNumbering(_ root: XMLElement) {
        for a in root.children("w:abstractNum") {
            guard let id = a["w:abstractNumId"] else { continue }
            var levels: [Int: Level] = [:]
            for l in a.children("w:lvl") {
                guard let i = l["w:ilvl"].flatMap({ Int($0) }) else { continue }
                var level = Level()
                level.start = l.child("w:start")?["w:val"].flatMap { Int($0) } ?? 1
                level.format = l.child("w:numFmt")?["w:val"] ?? "decimal"
                level.text = l.child("w:lvlText")?["w:val"] ?? ""
                levels[i] = level
            }
            abstractLevels[id] = levels
        }
        for n in root.children("w:num") {
            guard let id = n["w:numId"], let a = n.child("w:abstractNumId")?["w:val"] else { continue }
            numToAbstract[id] = a
            for o in n.children("w:lvlOverride") {
                if let i = o["w:ilvl"].flatMap({ Int($0) }), let s = o.child("w:startOverride")?["w:val"].flatMap({ Int($0) }) {
                    numOverrides[id, default: [:]][i] = s
                }
            }
        }
    }

    /// The heading level a style gives, following basedOn (at most 20 steps).
    private func headingLevel(style id: String?) -> Int? {
        var current = id
        var steps = 0
        while let c = current, let s = styles[c], steps < 20 {
            if let name = s.name?.lowercased() {
                if name == "title" { return 1 }
                if name.hasPrefix("heading "), let n = Int(name.dropFirst(8)), (1...9).contains(n) { return min(n, 6) }
            }
            if let o = s.outlineLevel, (0...8).contains(o) { return min(o + 1, 6) }
            current = s.basedOn
            steps += 1
        }
        return nil
    }

    private func styleValue<T>(_ id: String?, _ key: (Style) -> T?) -> T? {
        var current = id
        var steps = 0
        while let c = current, let s = styles[c], steps < 20 {
            if let v = key(s) { return v }
            current = s.basedOn
            steps += 1
        }
        return nil
    }

    /// Counts an automatic number and returns it as shown ("3.2"), or nil for bullets.
    private mutating func number(numID: String, level: Int) -> String? {
        guard numID != "0", let abstract = numToAbstract[numID], let levels = abstractLevels[abstract] else { return nil }
        var c = counters[abstract] ?? []
        while c.count <= level { c.append(0) }
        for l in 0..<level where c[l] == 0 { c[l] = levels[l]?.start ?? 1 }
        if c[level] == 0 {
            c[level] = numOverrides[numID]?[level] ?? levels[level]?.start ?? 1
        } else {
            c[level] += 1
        }
        for l in (level + 1)..<c.count { c[l] = 0 }
        counters[abstract] = c
        guard let spec = levels[level], spec.format != "bullet", spec.format != "none" else { return nil }
        var text = spec.text
        for l in 0...level {
            let value = c[l]
            let shown: String
            switch levels[l]?.format ?? "decimal" {
            case "lowerLetter": shown = value >= 1 && value <= 26 ? String(UnicodeScalar(UInt8(96 + value))) : String(value)
            case "upperLetter": shown = value >= 1 && value <= 26 ? String(UnicodeScalar(UInt8(64 + value))) : String(value)
            default: shown = String(value)
            }
            text = text.replacingOccurrences(of: "%\(l + 1)", with: shown)
        }
        var t = text.trimmed(of: .whitespaces)
        while t.hasSuffix(".") || t.hasSuffix(")") { t.removeLast() }
        return t.isEmpty ? nil : t
    }

    private mutating func readNotes(_ root: XMLElement, _ name: String) {
        for n in root.children(name) {
            guard let id = n["w:id"], n["w:type"] == nil || n["w:type"] == "normal" else { continue }
            footnotes[id] = n.children("w:p")
        }
    }

    static func isOn(_ e: XMLElement) -> Bool {
        guard let v = e["w:val"] else { return true }
        return !(v == "0" || v == "false" || v == "off")
    }

    // MARK: the body

    /// Reads the block-level children of a body, header, footer, cell or text box.
    private mutating func readContainer(_ e: XMLElement, part: LogicalLocation.Part) {
        for child in e.elements {
            switch child.name {
            case "w:p": readParagraph(child, part: part)
            case "w:tbl": readTable(child, part: part)
            case "w:sdt": if let c = child.child("w:sdtContent") { readContainer(c, part: part) }
            case "w:customXml", "w:ins", "w:moveTo": readContainer(child, part: part)
            case "w:del", "w:moveFrom": break
            default: break
            }
        }
    }

    /// What the inline content of a paragraph holds.
    private struct Inline {
        var text = ""
        var boldChars = 0
        var plainChars = 0
        var review: [DocumentReview.Kind] = []
        var notes: [String] = []
        var boxes: [XMLElement] = []
    }

    private mutating func readParagraph(_ p: XMLElement, part: LogicalLocation.Part) {
        let ppr = p.child("w:pPr")
        let styleID = ppr?.child("w:pStyle")?["w:val"] ?? defaultParagraphStyle
        // A table of contents repeats the headings with page numbers: not plan text.
        if let name = styleID.flatMap({ styles[$0]?.name })?.lowercased(), name.hasPrefix("toc ") || name == "toc heading" { return }
        var inline = Inline()
        let styleBold = styleValue(styleID) { $0.bold } ?? false
        collect(p, into: &inline, bold: styleBold)
        // A deleted paragraph mark joins the paragraph to the next; its text is still read.
        var level = headingLevel(style: styleID)
        if let o = ppr?.child("w:outlineLvl")?["w:val"].flatMap({ Int($0) }), (0...8).contains(o) { level = min(o + 1, 6) }
        var numID = ppr?.child("w:numPr")?.child("w:numId")?["w:val"]
        var numLevel = ppr?.child("w:numPr")?.child("w:ilvl")?["w:val"].flatMap { Int($0) }
        if numID == nil { numID = styleValue(styleID) { $0.numID } }
        if numLevel == nil { numLevel = styleValue(styleID) { $0.numLevel } }
        if numLevel == nil, numID != nil { numLevel = level.map { $0 - 1 } ?? 0 }
        var paragraph = WordParagraph(text: inline.text)
        paragraph.headingLevel = level
        paragraph.part = part
        paragraph.review = inline.review
        paragraph.allBold = inline.boldChars > 0 && inline.plainChars == 0
        if let n = numID, let l = numLevel, (0...8).contains(l) {
            let shown = number(numID: n, level: l)
            if level != nil {
                paragraph.number = shown
            } else if n != "0" {
                paragraph.isListItem = true
            }
        }
        if !inline.text.trimmed(of: .whitespacesAndNewlines).isEmpty || !inline.review.isEmpty {
            blocks.append(.paragraph(paragraph))
        }
        for box in inline.boxes { readContainer(box, part: .textBox) }
        for id in inline.notes {
            for np in footnotes[id] ?? [] {
                var note = Inline()
                collect(np, into: &note, bold: false)
                var fp = WordParagraph(text: note.text)
                fp.part = .footnote
                fp.review = note.review
                blocks.append(.paragraph(fp))
            }
        }
    }

    /// Collects the text of runs below `e`, skipping deleted text and comments.
    private func collect(_ e: XMLElement, into inline: inout Inline, bold: Bool) {
        for child in e.elements {
            switch child.name {
            case "w:pPr", "w:rPr", "w:del", "w:moveFrom", "w:delText", "w:instrText", "w:commentRangeStart", "w:commentRangeEnd":
                if child.name == "w:del" || child.name == "w:moveFrom" { inline.review.append(.deletion) }
            case "w:ins", "w:moveTo":
                inline.review.append(.insertion)
                collect(child, into: &inline, bold: bold)
            case "w:r":
                var runBold = bold
                if let b = child.child("w:rPr")?.child("w:b") { runBold = Self.isOn(b) }
                for part in child.elements {
                    switch part.name {
                    case "w:t":
                        let t = part.allText
                        inline.text += t
                        let visible = t.unicodeScalars.reduce(0) { $1.properties.isWhitespace ? $0 : $0 + 1 }
                        if runBold { inline.boldChars += visible } else { inline.plainChars += visible }
                    case "w:tab", "w:br", "w:cr": inline.text += " "
                    case "w:noBreakHyphen": inline.text += "-"
                    case "w:footnoteReference", "w:endnoteReference": if let id = part["w:id"] { inline.notes.append(id) }
                    case "w:commentReference":
                        if let id = part["w:id"], openComments.contains(id) { inline.review.append(.comment) }
                    case "w:drawing", "w:pict", "w:object":
                        inline.boxes += part.descendants("w:txbxContent")
                    case "mc:AlternateContent":
                        if let choice = part.child("mc:Choice") ?? part.child("mc:Fallback") { inline.boxes += choice.descendants("w:txbxContent") }
                    default: break
                    }
                }
            case "mc:AlternateContent":
                if let choice = child.child("mc:Choice") ?? child.child("mc:Fallback") { collect(choice, into: &inline, bold: bold) }
            case "w:txbxContent":
                inline.boxes.append(child)
            default:
                // w:hyperlink, w:smartTag, w:sdt, w:sdtContent, w:fldSimple, w:customXml …
                collect(child, into: &inline, bold: bold)
            }
        }
    }

    private mutating func readTable(_ t: XMLElement, part: LogicalLocation.Part) {
        guard tableCells.error == nil else { return }
        let ordinal = tableCells.beginTable(part)
        var width = 0
        var rows: [[String]] = []
        var review: [DocumentReview.Kind] = []
        /// The text of a vertically merged cell, by grid column.
        var mergeAbove: [Int: String] = [:]
        for tr in t.children("w:tr") {
            if tr.child("w:trPr")?.child("w:del") != nil { review.append(.deletion); continue }
            var row: [String] = []
            var cells = tr.children("w:tc")
            for sdt in tr.children("w:sdt") { cells += sdt.child("w:sdtContent")?.children("w:tc") ?? [] }
            for tc in cells {
                let tcPr = tc.child("w:tcPr")
                let span = max(1, min(64, tcPr?.child("w:gridSpan")?["w:val"].flatMap { Int($0) } ?? 1))
                var parts: [String] = []
                for child in tc.elements {
                    switch child.name {
                    case "w:p":
                        var inline = Inline()
                        collect(child, into: &inline, bold: false)
                        review += inline.review
                        parts.append(inline.text)
                    case "w:tbl":
                        // A table in a cell: its text, row by row.
                        parts.append(child.descendants("w:p").map { p -> String in
                            var inline = Inline()
                            collect(p, into: &inline, bold: false)
                            return inline.text
                        }.joined(separator: " "))
                    case "w:sdt":
                        for p in child.descendants("w:p") {
                            var inline = Inline()
                            collect(p, into: &inline, bold: false)
                            parts.append(inline.text)
                        }
                    default: break
                    }
                }
                var text = parts.map { $0.trimmed(of: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
                let column = row.count
                if let merge = tcPr?.child("w:vMerge") {
                    if merge["w:val"] == "restart" {
                        mergeAbove[column] = text
                    } else if text.isEmpty {
                        text = mergeAbove[column] ?? ""
                    }
                } else {
                    mergeAbove[column] = nil
                }
                for _ in 0..<span { row.append(text) }
                // Stops at the row that takes the plan's cells past the limit.
                guard tableCells.fits(rows: rows.count + 1, width: max(width, row.count), table: ordinal, part: part) else { return }
            }
            width = max(width, row.count)
            rows.append(row)
        }
        tableCells.add(rows: rows.count, width: width)
        blocks.append(.table(WordTable(rows: rows, review: review, part: part)))
    }
}
