import Foundation
import OneThing

extension FiguresTable {
    /// The header of ``csv``.
    public static let csvHeader =
        "row,file,bundle,case_kind,case,figure,before,after,reduction,before_basis,after_basis"

    /// The table as CSV (RFC 4180 quoting, a header line, lines ending in a line feed),
    /// one line per figure of each bundle and one per average:
    ///
    /// - `row` is `bundle` or `average`;
    /// - `case_kind` is `worst-case`, `test-case` or `answers`, and `case` the test
    ///   case's name or the answers file;
    /// - `figure` is `materials`, `workdays`, `visits`, `steps` or `departments`;
    /// - `before` and `after` are exact; `reduction` is in percent, rounded to one
    ///   decimal as published, and empty when there is none (a figure 0 before, the
    ///   departments, and the `before` and `after` of an average);
    /// - `before_basis` and `after_basis` are what each side rests on (``FigureBasis/name``:
    ///   `counted`, `legal`, `promised`, `assumed` or `declared`), empty for an average.
    public var csv: String {
        var lines = [Self.csvHeader]
        for row in rows {
            let (kind, name) = Self.csvCase(row.case)
            let prefix = ["bundle", row.file, row.bundle, kind, name]
            for figure in ReformFigure.allCases {
                let change = row.figures[figure]
                lines.append(
                    Self.csvLine(
                        prefix + [
                            figure.rawValue, Self.csvNumber(change.before), Self.csvNumber(change.after),
                            change.publishedReduction.map(Self.csvNumber) ?? "", change.beforeBasis.name,
                            change.afterBasis.name,
                        ]))
            }
            lines.append(
                Self.csvLine(
                    prefix + [
                        "departments", String(row.figures.departmentsBefore), String(row.figures.departments),
                        "",
                        row.figures.departmentsBeforeBasis.name, FigureBasis.counted.name,
                    ]))
        }
        let averages = averages
        for figure in ReformFigure.allCases {
            lines.append(
                Self.csvLine(
                    [
                        "average", "", "", "", "", figure.rawValue, "", "",
                        averages.publishedReduction(figure).map(Self.csvNumber) ?? "", "", "",
                    ]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `case_kind` and `case` columns.
    private static func csvCase(_ planCase: Case) -> (String, String) {
        switch planCase {
        case .worstCase: ("worst-case", "")
        case .testCase(let name): ("test-case", name)
        case .answersFile(let path): ("answers", path)
        }
    }

    /// One line of fields, each quoted when it holds a comma, a quote or a line break.
    private static func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",")
    }

    /// A number as written in CSV: whole numbers without a fraction (`28`), others in
    /// full (`8.642857142857142`).
    private static func csvNumber(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
