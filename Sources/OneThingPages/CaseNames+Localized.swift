import OneThing
import OneThingPresentation
import OneThingRuntime

/// A case's names in both languages at once, for pages that show the Chinese with the
/// English beside it (``CaseNames`` gives one language at a time).
extension CaseNames {
    /// A department's names.
    func department(_ id: String) -> LocalizedText {
        LocalizedText(en: department(id, in: .en), zh: department(id, in: .zh))
    }

    /// A step's names: its name, and its id in English.
    func step(_ index: Int) -> LocalizedText {
        LocalizedText(en: step(index, in: .en), zh: step(index, in: .zh))
    }

    /// A material's names.
    func material(_ id: String) -> LocalizedText {
        LocalizedText(en: material(id, in: .en), zh: material(id, in: .zh))
    }

    /// An output's names.
    func output(_ id: String) -> LocalizedText {
        LocalizedText(en: output(id, in: .en), zh: output(id, in: .zh))
    }

    /// The value `value` of the result output `output` carries, in both languages.
    func result(_ value: String, of output: String) -> LocalizedText {
        LocalizedText(en: result(value, of: output, in: .en), zh: result(value, of: output, in: .zh))
    }

    /// The bundle's title, with its id and version in English.
    var bundleTitle: LocalizedText {
        LocalizedText(
            en: PrintableText.escaped("\(blueprint.bundle) \(blueprint.version)"), zh: blueprint.title)
    }
}
