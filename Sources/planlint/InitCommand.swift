// `planlint init [DIR]`: writes a .planlint.yaml and a local rule pack with one rule and its
// passing and failing example plans (Sources/PlanLint/Configuration/Scaffold.swift).
import ArgumentParser
import Foundation
import PlanLint

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a .planlint.yaml and a local rule pack (init pack, the default), or a plan to start from (init plan).",
        subcommands: [InitPack.self, InitPlan.self],
        defaultSubcommand: InitPack.self)
}

/// `planlint init plan [FILE]`: a plan skeleton in Finnish or Swedish (Scaffold.plan).
struct InitPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Write a plan to start from: the usual chapters and the data block planlint reads.")

    @Argument(help: ArgumentHelp("The file to write.", valueName: "file"))
    var file: String = "hyvinvointisuunnitelma.md"

    @Option(help: ArgumentHelp("Language of the plan: fi or sv.", valueName: "lang"))
    var lang: Language = .fi

    @Option(help: ArgumentHelp("The municipality's name, in the form the title uses.", valueName: "name"))
    var municipality = "Esimerkkilä"

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func validate() throws {
        guard lang != .en else { throw ValidationError("--lang: a plan is written in fi or sv") }
    }

    func run() throws {
        if !force, FileManager.default.fileExists(atPath: file) {
            printError("\(file): error: the file exists; planlint init plan replaces it only with --force")
            throw Exit.inputError
        }
        do {
            try AtomicFile.write(Data(Scaffold.plan(language: lang, municipality: municipality).utf8), to: file)
        } catch {
            printError("\(file): error: cannot write the file: \(error.reason)")
            throw Exit.cannotWrite
        }
        writeOutput("wrote \(file)\nnext: planlint lint \(file)\n")
    }
}

/// `planlint init [DIR]` (or `init pack`): a configuration and a local pack.
struct InitPack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
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
        // A file already as planlint would write it (the schema copies, for a second pack) is no conflict.
        let existing = files.filter { fm.fileExists(atPath: place($0.path)) && fm.contents(atPath: place($0.path)) != Data($0.text.utf8) }
            .map { place($0.path) }
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
