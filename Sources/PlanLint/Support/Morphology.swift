// Base forms: Finnish with Voikko, Swedish with the Snowball stemmer.
//
// A term written `=valtuusto` matches any inflection of the word and any compound that ends
// in it or starts with it: "valtuustossa", "kunnanvaltuuston", "valtuustoaloite". Finnish
// words are analysed by libvoikko (its base form and compound structure); Swedish words are
// compared by their Snowball stem (libstemmer). Both libraries are optional and loaded when
// first needed: without them planlint says so once and matches `=valtuusto` on the stem
// `valtuust`, as `*valtuust*` would.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class Morphology: @unchecked Sendable {
    static let shared = Morphology()

    private typealias VoikkoInit = @convention(c) (UnsafeMutablePointer<UnsafePointer<CChar>?>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> OpaquePointer?
    private typealias VoikkoAnalyze = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> UnsafeMutablePointer<OpaquePointer?>?
    private typealias VoikkoValue = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> UnsafePointer<CChar>?
    private typealias VoikkoFree = @convention(c) (UnsafeMutablePointer<OpaquePointer?>?) -> Void
    private typealias StemmerNew = @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> OpaquePointer?
    private typealias StemmerStem = @convention(c) (OpaquePointer?, UnsafePointer<UInt8>?, Int32) -> UnsafePointer<UInt8>?
    private typealias StemmerLength = @convention(c) (OpaquePointer?) -> Int32

    private struct Voikko {
        var handle: OpaquePointer
        var analyze: VoikkoAnalyze
        var value: VoikkoValue
        var free: VoikkoFree
    }
    private struct Stemmer {
        var handle: OpaquePointer
        var stem: StemmerStem
        var length: StemmerLength
    }

    private let lock = NSLock()
    private var loaded = false
    private var voikko: Voikko?
    private var stemmer: Stemmer?
    private var analyses: [String: [String]] = [:]
    private var wholeBases: [String: [String]] = [:]
    /// The most words whose analyses are kept: a run of many plans full of invented words
    /// would otherwise grow the cache without end. Past it the cache starts again (an
    /// analysis costs about 16 µs; ordinary plans share far fewer distinct words).
    static let cachedWords = 200_000
    /// Said once per process when a library is missing.
    private(set) var warning: String?
    private var warned = false

    /// Environment: PLANLINT_MORPHOLOGY=off turns both libraries off (for comparisons).
    private static let disabled = ProcessInfo.processInfo.environment["PLANLINT_MORPHOLOGY"] == "off"

    private func load() {
        guard !loaded else { return }
        loaded = true
        var missing: [String] = []
        if !Morphology.disabled, let lib = Morphology.open(["libvoikko.so.1", "libvoikko.so", "libvoikko.1.dylib", "libvoikko.dylib"]),
           let i = dlsym(lib, "voikkoInit"), let a = dlsym(lib, "voikkoAnalyzeWordCstr"),
           let v = dlsym(lib, "voikko_mor_analysis_value_cstr"), let f = dlsym(lib, "voikko_free_mor_analysis") {
            var error: UnsafePointer<CChar>?
            if let h = unsafeBitCast(i, to: VoikkoInit.self)(&error, "fi", nil) {
                voikko = Voikko(handle: h, analyze: unsafeBitCast(a, to: VoikkoAnalyze.self),
                                value: unsafeBitCast(v, to: VoikkoValue.self), free: unsafeBitCast(f, to: VoikkoFree.self))
            } else {
                missing.append("the Finnish dictionary of libvoikko (Debian: voikko-fi)")
            }
        } else {
            missing.append("libvoikko with its Finnish dictionary (Debian: libvoikko1 voikko-fi)")
        }
        if !Morphology.disabled, let lib = Morphology.open(["libstemmer.so.0d", "libstemmer.so.0", "libstemmer.so", "libstemmer.dylib"]),
           let n = dlsym(lib, "sb_stemmer_new"), let s = dlsym(lib, "sb_stemmer_stem"), let l = dlsym(lib, "sb_stemmer_length"),
           let h = unsafeBitCast(n, to: StemmerNew.self)("swedish", nil) {
            stemmer = Stemmer(handle: h, stem: unsafeBitCast(s, to: StemmerStem.self), length: unsafeBitCast(l, to: StemmerLength.self))
        } else {
            missing.append("libstemmer (Debian: libstemmer0d)")
        }
        if !missing.isEmpty {
            warning = "morphology is off: " + missing.joined(separator: " and ")
                + (Morphology.disabled ? " turned off by PLANLINT_MORPHOLOGY=off" : " not found")
                + "; base-form terms (=word) match on stems instead"
        }
    }

    private static func open(_ names: [String]) -> UnsafeMutableRawPointer? {
        for name in names { if let h = dlopen(name, RTLD_NOW | RTLD_LOCAL) { return h } }
        return nil
    }

    /// True when Finnish words are analysed by Voikko.
    var hasFinnish: Bool {
        lock.lock()
        defer { lock.unlock() }
        load()
        return voikko != nil
    }

    /// Prints the missing-library message to standard error, once per process, if a
    /// base-form term is used and a library is missing.
    func warnOnceIfMissing() {
        lock.lock()
        load()
        let message = warned ? nil : warning
        warned = true
        lock.unlock()
        if let message { FileHandle.standardError.write(Data("planlint: \(message)\n".utf8)) }
    }

    /// The stem a base form is matched on without the libraries: the word less the ending
    /// its inflections change — `-nen` (`ystävällinen` → `ystävälli`), the `s` of `-us`/`-ys`
    /// (`oikeus` → `oikeu`), else its final vowels (`valtuusto` → `valtuust`) — keeping at
    /// least three letters. Consonant gradation (kaupunki → kaupungin) is beyond it.
    static func fallbackStem(_ base: String) -> String {
        var s = Substring(base)
        if s.count > 5, s.hasSuffix("nen") { return String(s.dropLast(3)) }
        if s.count > 4, s.hasSuffix("us") || s.hasSuffix("ys") { return String(s.dropLast()) }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "ä", "ö", "å"]
        while s.count > 3, let last = s.last, vowels.contains(last) { s = s.dropLast() }
        return String(s)
    }

    /// The keys of a word of the text (folded): its Finnish base forms and those of its
    /// compound parts, and its Swedish stem ("sv:" and the stem).
    func keys(ofWord word: String, finnish: Bool, swedish: Bool) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        load()
        var out = finnish ? analyseLocked(word) : []
        if swedish, let s = swedishStemLocked(word) { out.append("sv:" + s) }
        return out
    }

    /// True when Voikko knows `word` as a base form (nil when Voikko is missing).
    func isFinnishBaseForm(_ word: String) -> Bool? {
        lock.lock()
        defer { lock.unlock() }
        load()
        guard voikko != nil else { return nil }
        _ = analyseLocked(word)
        return wholeBases[word]?.contains(word) ?? false
    }

    /// The base forms Voikko gives for the whole of `word`.
    func baseForms(of word: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        load()
        _ = analyseLocked(word)
        return wholeBases[word] ?? []
    }

    /// The Swedish stem of `word` (nil without libstemmer).
    func swedishStem(_ word: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        load()
        return swedishStemLocked(word)
    }

    private func swedishStemLocked(_ word: String) -> String? {
        guard let st = stemmer else { return nil }
        let bytes = Array(word.utf8)
        guard let p = st.stem(st.handle, bytes, Int32(bytes.count)) else { return nil }
        let n = Int(st.length(st.handle))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// The base forms of `word` and of the runs of its compound parts: "kunnanvaltuustossa"
    /// gives kunnanvaltuusto and valtuusto; "lastensuojelusuunnitelman" gives
    /// lastensuojelusuunnitelma, lastensuojelu, suojelusuunnitelma, suunnitelma… The whole
    /// word's base forms come first.
    private func analyseLocked(_ word: String) -> [String] {
        if let cached = analyses[word] { return cached }
        guard let v = voikko else { return [] }
        var forms: [String] = []
        var parts: [String] = []
        if let list = v.analyze(v.handle, word) {
            var i = 0
            while let a = list[i] {
                i += 1
                guard let bp = v.value(a, "BASEFORM") else { continue }
                let base = String(cString: bp).lowercased()
                if !forms.contains(base) { forms.append(base) }
                if let sp = v.value(a, "STRUCTURE") {
                    parts += compoundRuns(base: base, structure: String(cString: sp))
                }
            }
            v.free(list)
        }
        if analyses.count >= Self.cachedWords {
            analyses.removeAll(keepingCapacity: true)
            wholeBases.removeAll(keepingCapacity: true)
        }
        wholeBases[word] = forms
        for p in parts where !forms.contains(p) { forms.append(p) }
        analyses[word] = forms
        return forms
    }

    /// Runs of compound parts of `base`, cut where the structure ("=pppppp=ppppppppp") cuts
    /// the word: the parts before the last keep their surface form, which is their form in
    /// the base form too.
    private func compoundRuns(base: String, structure: String) -> [String] {
        // Lengths of the parts of the surface form.
        var lengths: [Int] = []
        for ch in structure {
            if ch == "=" { lengths.append(0) } else if !lengths.isEmpty { lengths[lengths.count - 1] += 1 } else { lengths.append(1) }
        }
        lengths.removeAll { $0 == 0 }
        guard lengths.count > 1 else { return [] }
        let scalars = Array(base.unicodeScalars)
        var cuts = [0]
        var at = 0
        for l in lengths.dropLast() {
            at += l
            guard at < scalars.count else { return [] }
            cuts.append(at)
        }
        cuts.append(scalars.count)
        var out: [String] = []
        for i in 0..<(cuts.count - 1) {
            for j in (i + 1)..<cuts.count where !(i == 0 && j == cuts.count - 1) {
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[cuts[i]..<cuts[j]])
                out.append(String(s))
            }
        }
        return out
    }
}

/// The base-form terms of the packs loaded so far that cannot match, for `rules test`.
public enum BaseFormCheck {
    /// The Finnish base forms (`=lapsi`) of the term lists read so far, as written.
    static func finnishBaseForms() -> Set<String> {
        var bases = Set<String>()
        for term in CompiledPatterns.shared.termLists.flatMap({ $0 }) {
            for word in term.split(whereSeparator: { $0 == " " || $0 == "\t" }) where word.hasPrefix("=") && !word.hasPrefix("=sv:") {
                bases.insert(String(word.dropFirst()))
            }
        }
        return bases
    }

    /// What is missing when morphology is off (nil when both libraries are there).
    public static var morphologyWarning: String? {
        _ = Morphology.shared.hasFinnish
        return Morphology.shared.warning
    }

    /// One line per base-form term Voikko does not know as a Finnish base form; empty when
    /// all are known. Nil when Voikko is missing, so nothing could be checked.
    public static func problems() -> [String]? {
        let bases = finnishBaseForms()
        guard !bases.isEmpty else { return [] }
        guard Morphology.shared.hasFinnish else { return nil }
        return bases.sorted().compactMap { word -> String? in
            let folded = word.lowercased()
            guard Morphology.shared.isFinnishBaseForm(folded) != true else { return nil }
            let known = Morphology.shared.baseForms(of: folded)
            let hint = known.isEmpty ? "for a Swedish word write =sv:\(word)" : "it is an inflected form of " + known.map { "=\($0)" }.joined(separator: " or ")
            return "base form '=\(word)': Voikko does not know it as a Finnish base form, so the term can never match (\(hint))"
        }
    }
}
