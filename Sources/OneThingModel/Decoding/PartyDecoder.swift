import OneThingSource

/// Reads a bundle's `parties:`: the parties who take part, by id.
enum PartyDecoder {
    /// The keys of a party.
    static let keys = ["name", "en", "kind", "when", "several"]

    static func decodeAll(_ node: YAMLNode, reader: inout NodeReader) -> [Party] {
        guard let entries = reader.table(node, what: .init(en: "parties", zh: "当事人")) else { return [] }
        return entries.compactMap { decode($0, reader: &reader) }
    }

    static func decode(_ entry: YAMLEntry, reader: inout NodeReader) -> Party? {
        let id = reader.checkedID(entry.key)
        let what = LocalizedText(en: "party '\(entry.key.value)'", zh: "当事人“\(entry.key.value)”")
        guard
            let f = reader.mapping(
                entry.value, what: what, owner: entry.key.span, known: keys, required: ["name", "kind"])
        else { return nil }
        let name = f["name"].flatMap { reader.text($0) }
        let kind = f["kind"].flatMap {
            reader.choice($0, PartyKind.self, what: .init(en: "party kind", zh: "当事人类别"))
        }
        let when = f["when"].flatMap { reader.scalar($0, expected: .init(en: "a condition", zh: "条件")) }
        let several = f["several"].flatMap { reader.bool($0) } ?? false
        let english = f["en"].flatMap { reader.text($0) }
        guard let id else { return nil }
        // A party whose id is sound is kept when its name or kind could not be read, so
        // that the needs and fields naming it are not reported as well.
        return Party(
            id: id, name: name ?? id.value, englishName: english, kind: kind ?? .other,
            when: when.map(ConditionSource.init), several: several)
    }
}
