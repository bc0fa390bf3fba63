// `planlint config [PATH]`: the effective configuration for a plan or folder, and where each
// value came from (a flag, file:line:column, or the default).
import ArgumentParser
import Foundation
import PlanLint

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective configuration for a plan or folder, and where each value came from.")

    @Argument(help: ArgumentHelp("A plan or folder; the configuration is looked for from its folder upward (default: the current folder).", valueName: "path"))
    var path: String = "."

    @Option(name: .customLong("config"), help: ArgumentHelp("The configuration file, instead of looking for one.", valueName: "file"))
    var config: String?

    @OptionGroup var packOptions: PackOptions

    @Option(name: .customLong("as-of"), help: ArgumentHelp("As `planlint lint --as-of`.", valueName: "date"))
    var asOf: PlanDate?

    @Option(help: ArgumentHelp("As `planlint lint --lang`.", valueName: "lang"))
    var lang: Language?

    @Option(help: ArgumentHelp("As `planlint lint --format`.", valueName: "format"))
    var format: OutputFormat?

    @Option(name: .customLong("output"), help: ArgumentHelp("As `planlint lint --output`.", valueName: "format=path"))
    var outputs: [String] = []

    @Option(name: .customLong("fail-on"), help: "As `planlint lint --fail-on`.")
    var failOn: FailOn?

    @Option(name: .customLong("baseline"), help: ArgumentHelp("As `planlint lint --baseline`.", valueName: "file"))
    var baseline: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        var flags = CommandLineSettings()
        flags.packs = packOptions.packs
        flags.excludePacks = packOptions.excludePacks
        flags.noDefaultPacks = packOptions.noDefaultPacks
        flags.asOf = asOf
        flags.failOn = failOn.flatMap { FailLevel(rawValue: $0.rawValue) }
        flags.lang = lang
        flags.format = format?.name
        flags.outputs = outputs
        flags.baseline = baseline
        let configuration: Configuration?
        do throws(InputError) {
            if let config {
                configuration = try Configuration.load(file: config)
            } else {
                var isDir: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
                guard exists else { throw InputError(.missingFile, file: path, "no such file or folder") }
                let folder = isDir.boolValue ? path : (path as NSString).deletingLastPathComponent
                configuration = try ConfiguredRun.configuration(from: folder.isEmpty ? "." : folder)
            }
        } catch {
            printError(error.description)
            throw Exit.inputError
        }
        let settings = EffectiveSettings(configuration: configuration, flags: flags, today: PlanDate.today())
        let entries = settings.entries
        if json {
            struct Output: Encodable {
                var configuration: String?
                var settings: [EffectiveSettings.Entry]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(Output(configuration: configuration?.file, settings: entries))
            writeOutput(String(decoding: data, as: UTF8.self) + "\n", .json)
            return
        }
        var out = "configuration: " + (configuration?.file ?? "none (no .planlint.yaml in \(path) or a folder above it)") + "\n"
        // Columns as wide as the common case; a longer key or value pushes its line only.
        let keyWidth = entries.map(\.key.count).filter { $0 <= 24 }.max() ?? 0
        let valueWidth = entries.map(\.value.count).filter { $0 <= 24 }.max() ?? 0
        for e in entries {
            let key = e.key.padding(toLength: max(keyWidth, e.key.count), withPad: " ", startingAt: 0)
            let value = e.value.padding(toLength: max(valueWidth, e.value.count), withPad: " ", startingAt: 0)
            out += "\(key)  \(value)  (\(e.origin))\n"
        }
        writeOutput(out)
    }
}
