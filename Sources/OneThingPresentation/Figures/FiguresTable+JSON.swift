import Foundation
import OneThing

extension FiguresTable {
    /// The table as one JSON document, for tools:
    ///
    /// ```json
    /// {"bundles": [{"file", "bundle", "title", "case": {"kind", "name"?, "file"?},
    ///               "items", "departments",
    ///               "figures": {"materials": {"before", "after", "reduction", "basis",
    ///                                         "computed-before"?},
    ///                           "workdays", "visits", "steps", "departments"},
    ///               "checklist": {"bring", "later", "commitment", "fetched", "issued"}}],
    ///  "averages": {"bundles", "materials": {"reduction", "bundles"}, …}}
    /// ```
    ///
    /// `before` and `after` are exact (working days as working-day equivalents);
    /// `reduction` is in percent, rounded to one decimal as published, and `null` when
    /// the figure was 0 before (and always for `departments`, whose before and after
    /// may count different things). `case.kind` is `worst-case`, `test-case` (with
    /// `name`) or `answers` (with `file`).
    ///
    /// Every figure has a `basis`: `{"before": B, "after": B}`, each B
    /// `{"kind", "mostly-assumed"}` with `kind` one of `counted` (from the bundle),
    /// `legal` (legal limits added up, with `legal-share`, the part that is legal in
    /// percent; an item without a legal limit counts with its promise), `promised` (the
    /// bundle's promises), `assumed` (the counting model's assumption) or `declared`
    /// (a published baseline, with `place` and `source` `{title, url, published}`).
    /// `mostly-assumed` is true for `promised`, `assumed`, and `legal` under 50%. A
    /// figure whose before is declared also has `computed-before`, the bundle's own.
    ///
    /// - Throws: `EncodingError` for a figure that is not a finite number.
    public func json() throws(EncodingError) -> String {
        let document = JSONDocument(
            bundles: rows.map(JSONRow.init),
            averages: JSONAverages(averages))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        } catch let error as EncodingError {
            throw error
        } catch {
            throw EncodingError.invalidValue(document, .init(codingPath: [], debugDescription: "\(error)"))
        }
    }
}

private struct JSONDocument: Encodable {
    var bundles: [JSONRow]
    var averages: JSONAverages
}

private struct JSONRow: Encodable {
    var file: String
    var bundle: String
    var title: String
    var `case`: JSONCase
    var items: Int
    var departments: Int
    var figures: [String: JSONChange]
    var checklist: [String: Int]

    init(_ row: FiguresTable.Row) {
        file = row.file
        bundle = row.bundle
        title = row.title
        `case` = JSONCase(row.case)
        items = row.figures.items
        departments = row.figures.departments
        figures = Dictionary(
            uniqueKeysWithValues: ReformFigure.allCases.map { ($0.rawValue, JSONChange(row.figures[$0])) })
        figures["departments"] = JSONChange(
            FigureChange(
                before: Double(row.figures.departmentsBefore), after: Double(row.figures.departments),
                beforeBasis: row.figures.departmentsBeforeBasis, afterBasis: .counted),
            reduction: false)
        checklist = Dictionary(
            uniqueKeysWithValues: MaterialStatus.allCases.map {
                ($0.rawValue, row.figures.checklist[$0] ?? 0)
            })
    }
}

private struct JSONCase: Encodable {
    var kind: String
    var name: String?
    var file: String?

    init(_ planCase: FiguresTable.Case) {
        switch planCase {
        case .worstCase: kind = "worst-case"
        case .testCase(let name): (kind, self.name) = ("test-case", name)
        case .answersFile(let path): (kind, file) = ("answers", path)
        }
    }
}

private struct JSONChange: Encodable {
    var before: Double
    var after: Double
    var reduction: Double?
    var basis: JSONBases
    var computedBefore: Double?

    /// The figure; `reduction: false` writes its reduction as `null` (the departments).
    init(_ change: FigureChange, reduction: Bool = true) {
        before = change.before
        after = change.after
        self.reduction = reduction ? change.publishedReduction : nil
        basis = JSONBases(before: JSONBasis(change.beforeBasis), after: JSONBasis(change.afterBasis))
        computedBefore = change.computedBefore
    }

    enum CodingKeys: String, CodingKey {
        case before, after, reduction, basis
        case computedBefore = "computed-before"
    }

    /// Writes `reduction` as `null` when there is none, rather than leaving it out.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(before, forKey: .before)
        try container.encode(after, forKey: .after)
        try container.encode(reduction, forKey: .reduction)
        try container.encode(basis, forKey: .basis)
        try container.encodeIfPresent(computedBefore, forKey: .computedBefore)
    }
}

private struct JSONBases: Encodable {
    var before: JSONBasis
    var after: JSONBasis
}

private struct JSONBasis: Encodable {
    var kind: String
    var mostlyAssumed: Bool
    var legalShare: Double?
    var place: String?
    var source: JSONSource?

    init(_ basis: FigureBasis) {
        kind = basis.name
        mostlyAssumed = basis.isMostlyAssumed
        switch basis {
        case .legal(let share): legalShare = share
        case .declared(let place, let source):
            self.place = place
            self.source = JSONSource(
                title: source.title, url: source.url, published: source.published?.description)
        case .counted, .promised, .assumed: break
        }
    }

    enum CodingKeys: String, CodingKey {
        case kind, place, source
        case mostlyAssumed = "mostly-assumed"
        case legalShare = "legal-share"
    }
}

private struct JSONSource: Encodable {
    var title: String
    var url: String?
    var published: String?
}

private struct JSONAverage: Encodable {
    var reduction: Double?
    var bundles: Int

    enum CodingKeys: String, CodingKey {
        case reduction, bundles
    }

    /// Writes `reduction` as `null` when there is none, rather than leaving it out.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reduction, forKey: .reduction)
        try container.encode(bundles, forKey: .bundles)
    }
}

private struct JSONAverages: Encodable {
    var bundles: Int
    var figures: [String: JSONAverage]

    init(_ averages: ReformAverages) {
        bundles = averages.bundles
        figures = Dictionary(
            uniqueKeysWithValues: ReformFigure.allCases.map {
                (
                    $0.rawValue,
                    JSONAverage(
                        reduction: averages.publishedReduction($0), bundles: averages.counted[$0] ?? 0)
                )
            })
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Writes the figures beside `bundles`: `{"bundles": 3, "materials": {…}, …}`.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(bundles, forKey: Key(stringValue: "bundles"))
        for (name, average) in figures {
            try container.encode(average, forKey: Key(stringValue: name))
        }
    }
}
