// A small element tree read with Foundation's XMLParser, for the XML parts of .docx and
// .odt files.
//
// The parts of an office document are written by programs, never by hand, so the tree is
// built whole and walked. Hostile input is refused before and while parsing:
//   - any document type declaration (`<!DOCTYPE`, and with it every entity declaration,
//     internal or external) is refused before the parser sees the bytes: office XML has
//     none, and entities are how "billion laughs" and external-file tricks work;
//   - external entities are never resolved (`shouldResolveExternalEntities = false`);
//   - nesting deeper than `maxDepth` elements and more than `maxElements` elements stop
//     the parser.
// Names are kept qualified as written (`w:p`, `text:h`): Word and LibreOffice always use
// these prefixes.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

final class XMLElement {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(_ attribute: String) -> String? { attributes[attribute] }

    /// The child elements.
    var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// The first child element with this name.
    func child(_ name: String) -> XMLElement? {
        for case .element(let e) in children where e.name == name { return e }
        return nil
    }

    /// Child elements with this name.
    func children(_ name: String) -> [XMLElement] {
        elements.filter { $0.name == name }
    }

    /// Every descendant element with this name, in document order (not below a match).
    func descendants(_ name: String) -> [XMLElement] {
        var out: [XMLElement] = []
        var stack: [XMLElement] = elements.reversed()
        while let e = stack.popLast() {
            if e.name == name { out.append(e); continue }
            stack.append(contentsOf: e.elements.reversed())
        }
        return out
    }

    /// All character data below this element, in order.
    var allText: String {
        var s = ""
        for c in children {
            switch c {
            case .text(let t): s += t
            case .element(let e): s += e.allText
            }
        }
        return s
    }
}

enum XMLNode {
    case element(XMLElement)
    case text(String)
}

/// Why an XML part could not be read.
enum XMLTreeError: Error {
    case doctype
    case tooDeep(Int)
    case tooManyElements(Int)
    case malformed(line: Int, column: Int, String)
}

enum XMLTree {
    static let maxDepth = 200
    static let maxElements = 4_000_000

    /// Parses one XML part into its root element.
    static func parse(_ data: Data) throws(XMLTreeError) -> XMLElement {
        if containsDoctype(data) { throw .doctype }
        // FoundationXML traps on an element or attribute name that is not valid UTF-8
        // (found by fuzzing): such a part is refused before it is parsed. A part in UTF-16
        // starts with its byte-order mark and is left to the parser.
        let utf16 = data.count >= 2 && (data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]))
        if !utf16, String(data: data, encoding: .utf8) == nil {
            let at = PlanReader.firstInvalidUTF8(data)
            throw .malformed(line: at.line, column: at.column, "the part is not valid UTF-8")
        }
        let delegate = Builder()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let stop = delegate.stop { throw stop }
        guard ok, let root = delegate.root else {
            let message = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed XML"
            throw .malformed(line: parser.lineNumber, column: parser.columnNumber, message)
        }
        return root
    }

    /// True when the bytes hold `<!DOCTYPE` (in any letter case) or `<!ENTITY`.
    static func containsDoctype(_ data: Data) -> Bool {
        let needles: [[UInt8]] = [Array("<!doctype".utf8), Array("<!entity".utf8)]
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.count
            var i = 0
            while i + 1 < n {
                if bytes[i] == 0x3C, bytes[i + 1] == 0x21 {
                    for needle in needles where i + needle.count <= n {
                        var match = true
                        for k in 2..<needle.count {
                            var b = bytes[i + k]
                            if b >= 0x41, b <= 0x5A { b += 0x20 }
                            if b != needle[k] { match = false; break }
                        }
                        if match { return true }
                    }
                }
                i += 1
            }
            return false
        }
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLElement?
        var stack: [XMLElement] = []
        var count = 0
        var stop: XMLTreeError?

        /// Character data of the innermost open element since its last child, appended in
        /// place (a long text arrives in many small pieces; joining them anew each time would
        /// be quadratic).
        var pending = ""

        func flush() {
            guard !pending.isEmpty, let top = stack.last else { return }
            top.children.append(.text(pending))
            pending = ""
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            count += 1
            if stack.count >= XMLTree.maxDepth {
                stop = .tooDeep(XMLTree.maxDepth)
                parser.abortParsing()
                return
            }
            if count > XMLTree.maxElements {
                stop = .tooManyElements(XMLTree.maxElements)
                parser.abortParsing()
                return
            }
            flush()
            let e = XMLElement(name: qName ?? elementName, attributes: attributeDict)
            if let parent = stack.last { parent.children.append(.element(e)) } else if root == nil { root = e }
            stack.append(e)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            flush()
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            pending += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            stop = .doctype
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
            stop = .doctype
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            stop = .doctype
            parser.abortParsing()
            return nil
        }
    }
}
