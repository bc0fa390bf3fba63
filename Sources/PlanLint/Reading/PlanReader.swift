// Reading plan files into the plan model.
//
// One reader per format behind one entry point, chosen by file extension. A Word reader
// will be a third entry in `readers`; no rule changes when it comes.
import Foundation

/// A reader of one file format.
public protocol PlanFormatReader: Sendable {
    /// File extensions it reads, lower case, without the dot.
    var extensions: [String] { get }
    /// Reads a plan from the file's text.
    func read(_ text: String, file: String) throws(InputError) -> Plan
}

/// Reads plan files of every supported format.
public enum PlanReader {
    /// The largest plan file read, in bytes.
    public static let maxFileSize = 8 * 1024 * 1024

    /// The readers, one per format.
    public static let readers: [any PlanFormatReader] = [MarkdownPlanReader(), YAMLPlanReader()]

    /// Extensions of plan files (for finding plans in folders).
    public static var extensions: Set<String> { Set(readers.flatMap(\.extensions)).union(WordPlanReader.extensions) }

    /// Reads one plan file.
    public static func read(file: String) throws(InputError) -> Plan {
        var plan = try readFile(file)
        try Sidecar.attach(to: &plan)
        return plan
    }

    private static func readFile(_ file: String) throws(InputError) -> Plan {
        let ext = (file as NSString).pathExtension.lowercased()
        if WordPlanReader.extensions.contains(ext) || WordPlanReader.convertible.contains(ext) { return try readWord(file: file) }
        guard let reader = readers.first(where: { $0.extensions.contains(ext) }) else {
            throw InputError(.unsupportedFormat, file: file, "not a plan file: expected .md, .yaml, .yml, .docx, .odt or .fodt")
        }
        let data: Data
        do {
            data = try BoundedFile.read(file, limit: maxFileSize)
        } catch {
            throw InputError(file: file, error)
        }
        return try read(data: data, file: file, reader: reader)
    }

    /// Reads a plan from bytes already in memory (example plans of a pack, tests).
    public static func read(data: Data, file: String) throws(InputError) -> Plan {
        let ext = (file as NSString).pathExtension.lowercased()
        if WordPlanReader.extensions.contains(ext) { return try WordPlanReader.read(data: data, file: file) }
        if WordPlanReader.convertible.contains(ext) { throw InputError(.unsupportedFormat, file: file, WordPlanReader.Messages.saveAsDocx(ext)) }
        guard let reader = readers.first(where: { $0.extensions.contains(ext) }) else {
            throw InputError(.unsupportedFormat, file: file, "not a plan file: expected .md, .yaml, .yml, .docx, .odt or .fodt")
        }
        return try read(data: data, file: file, reader: reader)
    }

    private static func read(data: Data, file: String, reader: any PlanFormatReader) throws(InputError) -> Plan {
        guard data.count <= maxFileSize else {
            throw InputError(file: file, BoundedFile.Failure.tooLarge(size: data.count, limit: maxFileSize))
        }
        guard String(data: data, encoding: .utf8) != nil else {
            throw InputError(.encoding, file: file, at: firstInvalidUTF8(data), "the file is not valid UTF-8 text")
        }
        // Decoded again so that a byte-order mark stays in the text: the readers count it in byte offsets.
        let text = String(decoding: data, as: UTF8.self)
        if text.utf8.contains(0) {
            throw InputError(.encoding, file: file, at: position(ofByte: text.utf8.firstIndex(of: 0).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } ?? 0, in: data),
                             "the file contains a NUL byte; is it a binary file?")
        }
        return try reader.read(text, file: file)
    }

    /// A Word or OpenDocument file (binary, so not through the text readers); a format
    /// that can be saved as .docx gets a message that says so.
    private static func readWord(file: String) throws(InputError) -> Plan {
        let ext = (file as NSString).pathExtension.lowercased()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDir), !isDir.boolValue else {
            throw InputError(.missingFile, file: file, "no such file")
        }
        if !WordPlanReader.extensions.contains(ext) { throw InputError(.unsupportedFormat, file: file, WordPlanReader.Messages.saveAsDocx(ext)) }
        let data: Data
        do {
            data = try BoundedFile.read(file, limit: WordPlanReader.maxFileSize)
        } catch .tooLarge(let size, _) {
            throw InputError(.tooLarge, file: file, WordPlanReader.Messages.tooLarge(size))
        } catch {
            throw InputError(file: file, error)
        }
        return try WordPlanReader.read(data: data, file: file)
    }

    /// Every plan file under the given paths (files as given, folders recursively, sorted).
    public static func discover(_ paths: [String]) -> (files: [String], errors: [InputError]) {
        var files: [String] = []
        var errors: [InputError] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                if FileTree.isUndecodableArgument(path) {
                    errors.append(InputError(.unreadable, file: path, "the path is not valid UTF-8 (shown with U+FFFD); planlint cannot name it in a report, so rename it"))
                } else if errno == ENAMETOOLONG {
                    errors.append(InputError(.unreadable, file: path, BoundedFile.Failure.nameTooLong.message))
                } else {
                    errors.append(InputError(.missingFile, file: path, "no such file or folder"))
                }
                continue
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                files.append(path)
                continue
            }
            // "~$plan.docx" is the lock file Word keeps beside an open document; a sidecar
            // (`PLAN.planlint.yaml`) belongs to its plan and is not a plan.
            let found = FileTree.files(under: path, wanted: { extensions.contains($0) },
                                       skip: { $0.hasPrefix(".") || $0.hasPrefix("~$") || $0 == "node_modules" || $0.lowercased().hasSuffix(".planlint.yaml") })
            files += found.entries.map(\.path)
            errors += found.problems.map { InputError(.unreadable, file: $0.path, $0.message) }
        }
        return (files, errors)
    }

    static func firstInvalidUTF8(_ data: Data) -> SourcePosition {
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            if b < 0x80 { length = 1 } else if b & 0xE0 == 0xC0 { length = 2 } else if b & 0xF0 == 0xE0 { length = 3 } else if b & 0xF8 == 0xF0 { length = 4 } else { break }
            if i + length > bytes.count { break }
            if length > 1, !bytes[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) { break }
            i += length
        }
        return position(ofByte: i, in: data)
    }

    /// The line and column (in scalars, counting each invalid byte as one) of a byte offset.
    static func position(ofByte offset: Int, in data: Data) -> SourcePosition {
        var line = 1, column = 1
        for (i, b) in data.prefix(offset).enumerated() {
            _ = i
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return SourcePosition(line: line, column: column, offset: offset)
    }
}

/// Reads Markdown with YAML front matter.
public struct MarkdownPlanReader: PlanFormatReader {
    public init() {}
    public var extensions: [String] { ["md", "markdown"] }

    public func read(_ text: String, file: String) throws(InputError) -> Plan {
        let doc = try MarkdownParser.parse(text, file: file)
        var facts: YAMLNode?
        if let fm = doc.frontMatter {
            do {
                facts = try YAMLLoader.load(fm.text, file: file, base: fm.base)
            } catch {
                throw InputError(error)
            }
            if let f = facts, f.mapping == nil, !f.isNull {
                throw InputError(.invalidPlan, file: file, at: f.range.start, "the front matter must be a mapping of keys (plan:, status:, approvals: …), found a \(f.kindName)")
            }
            if facts?.isNull == true { facts = nil }
        }
        var plan = Plan(file: file, format: .markdown, facts: facts, body: doc.body, comments: doc.comments, lines: doc.lines)
        if let facts { plan.keyWarnings = try PlanKeys.check(facts, file: file) }
        return plan
    }
}
