import OneThing
import OneThingRuntime

/// The names a case is told in, all from its blueprint (which the store keeps), so a
/// case reads the same wherever the store is opened: departments in Chinese or
/// English, steps by name in Chinese and by id in English, materials and outputs by
/// name in Chinese and by id in English. Anything without a name is shown by its id.
public struct CaseNames: Sendable {
    /// The blueprint the names come from.
    public let blueprint: CaseBlueprint

    /// The names of a case of `blueprint`.
    public init(blueprint: CaseBlueprint) {
        self.blueprint = blueprint
    }

    /// The bundle's title.
    public var title: String { blueprint.title }

    /// A department's name.
    public func department(_ id: String, in language: Language) -> String {
        guard let names = blueprint.departments[id] else { return PrintableText.escaped(id) }
        return language.say(names.en ?? id, names.zh)
    }

    /// A step's name: its name in Chinese, its id in English.
    public func step(_ index: Int, in language: Language) -> String {
        guard blueprint.steps.indices.contains(index) else { return "#\(index)" }
        let step = blueprint.steps[index]
        return language.say(step.id, step.name)
    }

    /// A material's name.
    public func material(_ id: String, in language: Language) -> String {
        language.say(PrintableText.escaped(id), blueprint.materials[id] ?? PrintableText.escaped(id))
    }

    /// A value of the result `output` carries: its name in Chinese (`一级`), its id in English.
    public func result(_ value: String, of output: String, in language: Language) -> String {
        let name = blueprint.resultValues[output]?.first { $0.id == value }?.name
        return language.say(PrintableText.escaped(value), name ?? PrintableText.escaped(value))
    }

    /// An output's name.
    public func output(_ id: String, in language: Language) -> String {
        language.say(PrintableText.escaped(id), blueprint.outputs[id] ?? PrintableText.escaped(id))
    }
}
