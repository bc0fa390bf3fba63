// `planlint init [DIR]`: writes a .planlint.yaml and a local rule pack with one rule and its
// passing and failing example plans (Sources/PlanLint/Configuration/Scaffold.swift).
import ArgumentParser
import Foundation
import PlanLint

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a .planlint.yaml and a local rule pack with one rule and its example plans.")

    @Argument(help: ArgumentHelp("The folder to write into (default: the current folder).", valueName: "dir"))
    var folder: String = "."

    @Option(name: .customLong("pack-id"), help: ArgumentHelp("The local pack's id: lower-case letters, digits, hyphens.", valueName: "id"))
    var packID: String = "kunta"

    @Option(help: ArgumentHelp("Language of the example plans: fi or sv.", valueName: "lang"))
    var lang: Language = .fi

    @Flag(help: "Replace files that exist.")
    var force = false

    func validate() throws {
        guard Scaffold.isValidPackID(packID) else {
            throw ValidationError("--pack-id: '\(packID)' is not a pack id (lower-case letters, digits and hyphens, starting with a letter)")
        }
        guard lang != .en else { throw ValidationError("--lang: example plans are written in fi or sv") }
    }

    func run() throws {
        let files = Scaffold.files(packID: packID, language: lang)
        let fm = FileManager.default
        func place(_ relative: String) -> String { folder == "." ? relative : (folder as NSString).appendingPathComponent(relative) }
        let existing = files.map { place($0.path) }.filter { fm.fileExists(atPath: $0) }
        if !force, !existing.isEmpty {
            for path in existing { printError("\(path): error: the file exists; planlint init replaces files only with --force") }
            throw Exit.inputError
        }
        for file in files {
            let path = place(file.path)
            do {
                // A file of the current folder (".planlint.yaml") has no folder to create.
                let parent = (path as NSString).deletingLastPathComponent
                if !parent.isEmpty { try fm.createDirectory(atPath: parent, withIntermediateDirectories: true) }
                try AtomicFile.write(Data(file.text.utf8), to: path)
            } catch let error as AtomicFile.WriteError {
                printError("\(path): error: cannot write the file: \(error.reason)")
                throw Exit.cannotWrite
            } catch {
                printError("\(path): error: cannot create the folder: \(error.localizedDescription)")
                throw Exit.cannotWrite
            }
            writeOutput("wrote \(path)\n")
        }
        writeOutput("next: planlint rules test --pack \(place("Rules/\(packID)"))\n")
    }
}
