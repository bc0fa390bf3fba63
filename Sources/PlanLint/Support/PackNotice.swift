// The notice that a folder pack stands in for a pack built into planlint.
//
// A pack given with --pack whose id is that of an embedded pack (fi-lsl, the law) replaces
// it only when its pack.yaml says `replaces: ID`. A report checked against such a pack must
// not pass for a check against the law as planlint ships it, so every report says so.
import Foundation

/// Notices about replaced embedded packs.
public enum PackNotice {
    /// One line per pack of `packs` that replaced an embedded pack, in `language`.
    public static func replaced(_ packs: [RulePack], _ language: Language) -> [String] {
        packs.compactMap { p in
            guard let old = p.replaced else { return nil }
            let text = Localized(
                fi: "Huomio: planlintin oma sääntöpaketti \(old) on korvattu kansion \(p.origin) paketilla (versio \(p.version)); sen säännöt ratkaisevat tuloksen.",
                sv: "Obs: planlints inbyggda regelpaket \(old) har ersatts av paketet i mappen \(p.origin) (version \(p.version)); dess regler avgör resultatet.",
                en: "Note: the embedded rule pack \(old) is replaced by the pack in \(p.origin) (version \(p.version)); its rules decide the result.")
            return text[language]
        }
    }
}
