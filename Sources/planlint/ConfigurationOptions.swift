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
