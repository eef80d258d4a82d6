import OneThingSource

/// Reads the `tests:` list of a bundle.
enum TestCaseDecoder {
    static func decodeAll(_ node: YAMLNode, reader: inout NodeReader) -> [TestCase] {
        guard let elements = reader.list(node, what: .init(en: "test cases", zh: "测试用例")) else { return [] }
        var seen: [String: SourceSpan] = [:]
        return elements.compactMap { element in
            guard let test = decode(element, reader: &reader) else { return nil }
            if let first = seen[test.name.value] {
                reader.report(
                    .duplicateName(test.name, first: first, what: .init(en: "test case", zh: "测试用例")))
            } else {
                seen[test.name.value] = test.name.span
            }
            return test
        }
    }

    static func decode(_ node: YAMLNode, reader: inout NodeReader) -> TestCase? {
        let what = LocalizedText(en: "a test case", zh: "测试用例")
        guard
            let f = reader.mapping(
                node, what: what, owner: node.span, known: ["name", "answers", "expect"],
                required: ["name", "expect"]),
            let name = f["name"].flatMap({ reader.locatedText($0) })
        else { return nil }
        var answers: [Answer] = []
        if let node = f["answers"] { answers = decodeAnswers(node, reader: &reader) }
        guard
            let e = f["expect"].flatMap({
                reader.mapping(
                    $0, what: .init(en: "a test expectation", zh: "测试预期"),
                    owner: f.keySpan("expect") ?? node.span,
                    known: [
                        "items", "materials", "lead", "workdays", "promise", "error", "eligible", "parties",
                        "brings",
                    ])
            })
        else { return nil }
        var expectation = TestExpectation(
            items: e["items"].map { reader.ids($0, what: .init(en: "expected items", zh: "预期事项")) },
            materials: e["materials"].map { decodeMaterials($0, reader: &reader) },
            lead: e["lead"].flatMap { reader.id($0) },
            workdays: e["workdays"].flatMap { n in reader.number(n).map { Located($0, at: n.span) } },
            error: e["error"].flatMap { reader.locatedText($0) })
        expectation.promise = e["promise"].flatMap { reader.duration($0) }
        expectation.eligible = e["eligible"].flatMap { n in reader.bool(n).map { Located($0, at: n.span) } }
        expectation.parties = e["parties"].map {
            reader.ids($0, what: .init(en: "expected parties", zh: "预期当事人"))
        }
        if let node = e["brings"] {
            let entries = reader.table(node, what: .init(en: "what each party brings", zh: "各当事人提交的材料")) ?? []
            expectation.brings = entries.compactMap { entry in
                reader.checkedID(entry.key).map {
                    PartyMaterials(party: $0, materials: decodeMaterials(entry.value, reader: &reader))
                }
            }
        }
        return TestCase(name: name, answers: answers, expect: expectation)
    }

    /// The expected materials: ids, and `{any-of: [a, b]}` or `{all-that-apply: [a, b]}`
    /// for a line of the checklist the applicant chooses from (read as its line id,
    /// `a|b`: ``Need/lineID(_:)``).
    static func decodeMaterials(_ node: YAMLNode, reader: inout NodeReader) -> [Located<String>] {
        let what = LocalizedText(en: "expected materials", zh: "预期材料")
        return (reader.list(node, what: what) ?? []).compactMap { element -> Located<String>? in
            guard case .mapping = element else { return reader.id(element) }
            let groupWhat = LocalizedText(en: "an expected group of materials", zh: "预期的材料组")
            let kinds = [NeedKind.anyOf.rawValue, NeedKind.allThatApply.rawValue]
            guard let f = reader.mapping(element, what: groupWhat, owner: element.span, known: kinds),
                let list = kinds.lazy.compactMap({ f[$0] }).first
            else { return nil }
            let members = reader.ids(list, what: groupWhat)
            return members.isEmpty ? nil : Located(Need.lineID(members.map(\.value)), at: element.span)
        }
    }

    /// Reads answers, flattening nested mappings into dotted field ids.
    static func decodeAnswers(_ node: YAMLNode, reader: inout NodeReader, prefix: String = "") -> [Answer] {
        guard let entries = reader.table(node, what: .init(en: "answers", zh: "答案")) else { return [] }
        var answers: [Answer] = []
        for entry in entries {
            let id = prefix.isEmpty ? entry.key.value : "\(prefix).\(entry.key.value)"
            if case .mapping = entry.value {
                answers += decodeAnswers(entry.value, reader: &reader, prefix: id)
            } else {
                answers.append(Answer(field: id, node: entry.value, span: entry.key.span))
            }
        }
        return answers
    }
}
