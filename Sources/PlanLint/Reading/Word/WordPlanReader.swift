// The entry point for plans written in Word or LibreOffice: .docx, .odt and flat .fodt.
//
// The file's first bytes decide, not only its name: a password-protected .docx is an OLE
// compound file, like an old .doc, and gets the message that says what to do. Other
// formats officials have (.doc, .rtf, .pdf, .docm, .pages …) are refused with a message,
// in Finnish, Swedish and English, that says to save the document as .docx.
import Foundation

public enum WordPlanReader {
    /// Extensions read as Word or OpenDocument plans.
    public static let extensions: Set<String> = ["docx", "odt", "fodt"]
    /// Extensions of documents planlint cannot read but whose owner can save them as .docx.
    public static let convertible: Set<String> = ["doc", "docm", "dotx", "dotm", "dot", "rtf", "pdf", "pages", "wpd", "wps", "ott", "sxw", "odm", "xps"]
    /// The largest Word file read (its images are not read, but the file is held in memory).
    public static let maxFileSize = 64 * 1024 * 1024

    public static func read(data: Data, file: String) throws(InputError) -> Plan {
        let ext = (file as NSString).pathExtension.lowercased()
        guard data.count <= maxFileSize else {
            throw InputError(.tooLarge, file: file, Messages.tooLarge(data.count))
        }
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw InputError(.unsupportedFormat, file: file, ext == "doc" ? Messages.saveAsDocx(ext) : Messages.encryptedOrDoc)
        }
        if ext == "fodt" {
            return try ODTReader.readFlat(data, file: file)
        }
        guard head.starts(with: [0x50, 0x4B]) else {
            if head.starts(with: Array("{\\rtf".utf8)) || head.starts(with: Array("%PDF".utf8)) {
                throw InputError(.unsupportedFormat, file: file, Messages.saveAsDocx(head.starts(with: [0x25]) ? "pdf" : "rtf"))
            }
            throw InputError(.damagedDocument, file: file, WordContainer.Messages.damaged)
        }
        var container = try WordContainer(data: data, file: file)
        if container.contains("word/document.xml") {
            return try DocxReader.read(&container, file: file)
        }
        if container.contains("content.xml") {
            return try ODTReader.read(&container, file: file)
        }
        throw InputError(.damagedDocument, file: file, Messages.noDocumentPart)
    }

    static func xmlError(_ error: XMLTreeError, part: String, file: String) -> InputError {
        let m = Catalogue.document
        switch error {
        case .doctype:
            return InputError(.unsafeDocument, file: file, m.doctype.localized(["part": .text(part)]))
        case .tooDeep(let n):
            return InputError(.unsafeDocument, file: file, m.tooDeep.localized(["part": .text(part), "n": .number(n)]))
        case .tooManyElements(let n):
            return InputError(.unsafeDocument, file: file, m.tooManyElements.localized(["part": .text(part), "n": .number(n)]))
        case .malformed(let line, let column, _):
            return InputError(.damagedDocument, file: file, m.malformed.localized(["part": .text(part), "line": .number(line), "column": .number(column)]))
        }
    }

    /// The messages of the Word reader (Catalogue.document).
    enum Messages {
        static func saveAsDocx(_ ext: String) -> Localized { Catalogue.document.saveAsDocx.localized(["ext": .text(ext)]) }
        static var encryptedOrDoc: Localized { Catalogue.document.encryptedOrDoc.localized() }
        static var noDocumentPart: Localized { Catalogue.document.noDocumentPart.localized() }
        static func tooLarge(_ bytes: Int) -> Localized {
            Catalogue.document.tooLarge.localized(["mb": .number(bytes / 1_048_576), "limit": .number(maxFileSize / 1_048_576)])
        }
    }
}
