// The thorough tests run when PLANLINT_THOROUGH=1 (CI sets it; README, "The tests"):
// documents of megabytes through the binary, every list of the packs on every example plan,
// the report in a real browser. `swift test` alone runs every behaviour on smaller inputs and
// samples, and lists these as skipped, with the reason.
import Foundation
import Testing

enum Thorough {
    static let enabled = ProcessInfo.processInfo.environment["PLANLINT_THOROUGH"] == "1"

    /// Every item when thorough; otherwise every `stride`-th, starting at `offset`: the same
    /// sample on every run.
    static func sample<T>(_ items: [T], every stride: Int, from offset: Int = 0) -> [T] {
        enabled ? items : items.indices.filter { $0 % stride == offset % stride }.map { items[$0] }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs only with PLANLINT_THOROUGH=1; skipped, and listed as skipped, otherwise.
    static var thorough: Self { .enabled(if: Thorough.enabled, "thorough: set PLANLINT_THOROUGH=1 (CI does)") }
}
