// Reading and checking many plans: the reader reads each file, the engine checks the plan.
// The engine itself reads no file (docs/architecture.md).
import Foundation

/// Checks plan files with an engine, on all cores; the results keep the order of the files.
public enum PlanRun {
    public static func check(files: [String], with engine: Engine, asOf: PlanDate, language: Language? = nil) -> [PlanOutcome] {
        concurrently(files.count) { i in
            do throws(InputError) {
                let plan = try PlanReader.read(file: files[i])
                return .checked(engine.check(plan, asOf: asOf, language: language))
            } catch {
                return .failed(error)
            }
        }
    }

    /// `body(0) … body(count - 1)` on all cores; the results in the order of the indexes.
    static func concurrently<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, body(i)) }
        return results.values
    }
}

/// Slots filled from several threads, one slot per index.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    var values: [T] { slots.compactMap { $0 } }
}
