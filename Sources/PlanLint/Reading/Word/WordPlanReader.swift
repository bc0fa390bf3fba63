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
        switch error {
        case .doctype:
            return InputError(.unsafeDocument, file: file, Localized(
                fi: "asiakirjan osassa \(part) on DTD- tai entiteettimäärittely, jota tekstinkäsittelyohjelmat eivät kirjoita; asiakirjaa ei lueta",
                sv: "dokumentdelen \(part) har en DTD- eller entitetsdeklaration, som ordbehandlingsprogram inte skriver; dokumentet läses inte",
                en: "the document part \(part) has a DTD or entity declaration, which word processors do not write; the document is not read"))
        case .tooDeep(let n):
            return InputError(.unsafeDocument, file: file, Localized(
                fi: "asiakirjan osan \(part) XML on sisäkkäin yli \(n) tasoa; asiakirjaa ei lueta",
                sv: "XML i dokumentdelen \(part) är nästlad i över \(n) nivåer; dokumentet läses inte",
                en: "the XML of the document part \(part) is nested more than \(n) levels deep; the document is not read"))
        case .tooManyElements(let n):
            return InputError(.unsafeDocument, file: file, Localized(
                fi: "asiakirjan osassa \(part) on yli \(n) XML-elementtiä; asiakirjaa ei lueta",
                sv: "dokumentdelen \(part) har över \(n) XML-element; dokumentet läses inte",
                en: "the document part \(part) has more than \(n) XML elements; the document is not read"))
        case .malformed(let line, let column, _):
            return InputError(.damagedDocument, file: file, Localized(
                fi: "asiakirjan osa \(part) on vioittunut (XML rikki rivillä \(line), sarakkeessa \(column)); tallenna asiakirja uudelleen .docx-muodossa",
                sv: "dokumentdelen \(part) är skadad (fel i XML på rad \(line), kolumn \(column)); spara dokumentet på nytt som .docx",
                en: "the document part \(part) is damaged (broken XML at line \(line), column \(column)); save the document again as .docx"))
        }
    }

    enum Messages {
        static func saveAsDocx(_ ext: String) -> Localized {
            Localized(
                fi: "planlint ei lue .\(ext)-tiedostoja: avaa asiakirja Wordissa tai LibreOfficessa ja tallenna se .docx-muodossa (Tallenna nimellä > Word-asiakirja), tai .odt- tai .md-muodossa, ja tarkista se tiedosto",
                sv: "planlint läser inte .\(ext)-filer: öppna dokumentet i Word eller LibreOffice och spara det som .docx (Spara som > Word-dokument), eller som .odt eller .md, och kontrollera den filen",
                en: "planlint does not read .\(ext) files: open the document in Word or LibreOffice and save it as .docx (Save As > Word Document), or as .odt or .md, and check that file")
        }
        static let encryptedOrDoc = Localized(
            fi: "tiedosto on salasanalla suojattu Word-asiakirja tai vanha .doc-tiedosto: poista salasana ja tallenna asiakirja .docx-muodossa",
            sv: "filen är ett lösenordsskyddat Word-dokument eller en gammal .doc-fil: ta bort lösenordet och spara dokumentet som .docx",
            en: "the file is a password-protected Word document or an old .doc file: remove the password and save the document as .docx")
        static let noDocumentPart = Localized(
            fi: "tiedostossa ei ole asiakirjan tekstiä (word/document.xml tai content.xml puuttuu); tallenna asiakirja uudelleen .docx-muodossa",
            sv: "filen saknar dokumentets text (word/document.xml eller content.xml fattas); spara dokumentet på nytt som .docx",
            en: "the file holds no document text (word/document.xml or content.xml is missing); save the document again as .docx")
        static func tooLarge(_ bytes: Int) -> Localized {
            let mb = bytes / 1_048_576, limit = maxFileSize / 1_048_576
            return Localized(fi: "tiedosto on \(mb) Mt; raja on \(limit) Mt (pienennä kuvia tai poista ne)",
                             sv: "filen är \(mb) MB; gränsen är \(limit) MB (komprimera eller ta bort bilder)",
                             en: "the file is \(mb) MB; the limit is \(limit) MB (compress or remove pictures)")
        }
    }
}
