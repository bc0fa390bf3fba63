// The command line's side of the configuration: --config, --baseline, --write-baseline, and
// the flags of `planlint lint` as `CommandLineSettings` for the library, which reads the file
// and decides what wins (Sources/PlanLint/Configuration).
import ArgumentParser
import Foundation
import PlanLint

struct ConfigurationOptions: ParsableArguments {
    @Option(name: .customLong("config"),
            help: ArgumentHelp("The configuration file; default: the nearest .planlint.yaml from each plan's folder upward.", valueName: "file"))
    var config: String?

    @Option(name: .customLong("baseline"),
            help: ArgumentHelp("Findings recorded in this baseline file do not fail the run; only new ones do.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"),
            help: ArgumentHelp("Record the run's findings in a baseline file (replaced atomically).", valueName: "file"))
    var writeBaseline: String?

    /// The run's configuration and the effective settings; a bad file prints its error and exits 2.
    func settings(_ flags: CommandLineSettings) throws -> (Configuration?, EffectiveSettings) {
        do throws(InputError) {
            let configuration = try ConfiguredRun.runConfiguration(explicit: config)
            return (configuration, EffectiveSettings(configuration: configuration, flags: flags, today: PlanDate.today()))
        } catch {
            printError(error.description)
            throw Exit.inputError
        }
    }

    /// Checks the plans each under its configuration; configuration and pack errors exit 2.
    func check(_ files: [String], explicit: Configuration?, flags: CommandLineSettings,
               _ check: (Engine, [String], PlanDate, Language?) -> [PlanOutcome]) throws -> (outcomes: [PlanOutcome], packs: [RulePack]) {
        do throws(InputErrors) {
            return try ConfiguredRun.run(files: files, explicit: explicit, flags: flags, today: PlanDate.today(), check: check)
        } catch {
            for e in error.errors { printError(e.description) }
            throw Exit.inputError
        }
    }

    /// Writes the baseline if asked (before any baseline is applied, so it records every
    /// finding that counts), then marks the findings the baseline in use knows. Returns false
    /// when the baseline could not be written (the run then reports and exits 73).
    func baselines(_ outcomes: inout [PlanOutcome], packs: [RulePack], asOf: PlanDate, settings: EffectiveSettings) throws -> Bool {
        var written = true
        if let path = writeBaseline {
            let folder = URL(fileURLWithPath: path).standardized.deletingLastPathComponent().path
            let baseline = Baseline(result: RunResult(outcomes: outcomes, packs: packs, asOf: asOf, language: nil), folder: folder)
            do {
                try AtomicFile.write(baseline.encoded(), to: path)
            } catch {
                printError("\(path): error: cannot write the baseline: \(error.reason)")
                written = false
            }
        }
        guard let path = settings.baseline.value else { return written }
        do throws(InputError) {
            let baseline = try Baseline.load(file: path)
            let folder = URL(fileURLWithPath: path).standardized.deletingLastPathComponent().path
            baseline.apply(to: &outcomes, file: path, folder: folder)
        } catch {
            printError(error.description)
            throw Exit.inputError
        }
        return written
    }
}

extension Lint {
    /// The flags given on the command line, for the library to combine with the configuration.
    func commandLineSettings() -> CommandLineSettings {
        var flags = CommandLineSettings()
        flags.paths = paths
        flags.packs = packOptions.packs
        flags.excludePacks = packOptions.excludePacks
        flags.noDefaultPacks = packOptions.noDefaultPacks
        flags.asOf = asOf
        flags.failOn = failOn.flatMap { FailLevel(rawValue: $0.rawValue) }
        flags.lang = lang
        flags.format = format?.name
        flags.outputs = outputs
        flags.baseline = configOptions.baseline
        return flags
    }

    /// The report files, from --output or the configuration's `outputs`.
    func outputFiles(_ raw: [String]) throws -> [OutputFile] {
        var seen = Set<String>()
        var files: [OutputFile] = []
        for r in raw {
            let file = try OutputFile(parsing: r)
            guard seen.insert(URL(fileURLWithPath: file.path).standardized.path).inserted else {
                throw ValidationError("--output: '\(file.path)' is given twice")
            }
            files.append(file)
        }
        return files
    }
}

extension PackOptions {
    /// The check plugins the configuration found from the current folder upward enables
    /// (docs/plugins.md); a pack never enables one.
    func configuredPlugins() throws -> PluginSet {
        do throws(InputError) {
            return PluginSet(try ConfiguredRun.runConfiguration(explicit: nil)?.plugins ?? [])
        } catch {
            printError(error.description)
            throw Exit.inputError
        }
    }

    /// The pack folders and exclusions of `planlint rules …`: the configuration's found from
    /// the current folder upward, then the flags'. A bad configuration prints its error and exits 2.
    func configured() throws -> (directories: [String], excluding: [String]) {
        var flags = CommandLineSettings()
        flags.packs = packs
        flags.excludePacks = excludePacks
        flags.noDefaultPacks = noDefaultPacks
        do throws(InputError) {
            let configuration = try ConfiguredRun.runConfiguration(explicit: nil)
            let settings = EffectiveSettings(configuration: configuration, flags: flags, today: PlanDate.today())
            return (settings.packDirectories, settings.excludePacks.map(\.value))
        } catch {
            printError(error.description)
            throw Exit.inputError
        }
    }
}
