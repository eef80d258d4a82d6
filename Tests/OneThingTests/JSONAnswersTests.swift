import Foundation
import OneThing
import Testing

/// An applicant's answers sent as a JSON object get the checks and findings that the
/// same answers in YAML get (OT801–OT805), located in the JSON text; text that is not
/// JSON is OT111 at its line and column.
struct JSONAnswersTests {
    static let root = InMemoryLoadingTests.root
    static let fixtures = InMemoryLoadingTests.fixtures

    /// The answers of a test case as a JSON object, one field a line.
    static func json(_ answers: [Answer]) -> String {
        let lines = answers.map { "  \(JSONValue.string($0.field).serialized): \($0.node.json.serialized)" }
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }

    /// The plan of `loaded` for the answers in `text`, or every finding on the way.
    static func plan(
        _ loaded: BundleLoader.Loaded, _ text: String, syntax: SourceSyntax = .json,
        name: String = "answers.json"
    )
        -> Result<Plan, AnswersFindings>
    {
        do {
            let resolved = try AnswersSource.document(Array(text.utf8), name: name, syntax: syntax)
                .resolve(for: loaded.bundle)
            return .success(try loaded.builder.plan(for: resolved.answers, missingAt: resolved.missingAt))
        } catch let error as AnswersError {
            return .failure(AnswersFindings(diagnostics: error.diagnostics))
        } catch let error as PlanBuilder.Failure {
            return .failure(AnswersFindings(diagnostics: error.diagnostics))
        } catch {
            return .failure(AnswersFindings(diagnostics: []))
        }
    }

    /// The findings about answers that gave no plan.
    struct AnswersFindings: Error {
        var diagnostics: [Diagnostic]
    }

    /// The findings about `text` as answers to the applicant-form fixture, one line each:
    /// `line:column code: message`.
    static func findings(_ text: String, syntax: SourceSyntax = .json) throws -> [String] {
        guard case .failure(let failure) = plan(try applicantForm, text, syntax: syntax) else { return [] }
        return failure.diagnostics.map { "\($0.span.start) \($0.code): \($0.message.en)" }
    }

    /// What a plan decided, to compare two plans.
    static func decisions(_ plan: Plan) -> String {
        let items = plan.applicableItems.map(\.id.value).joined(separator: ",")
        return "\(plan.answers) | \(items) | \(plan.lead.department) | \(plan.materials.map(\.id)) | "
            + "\(plan.criticalPath.workdays)"
    }

    /// The applicant-form fixture, loaded from bytes with its catalogue from memory.
    static let loadedForm = Result { () throws -> BundleLoader.Loaded in
        let catalogue = CatalogueLoader.load(
            files: try InMemoryLoadingTests.catalogueFiles(fixtures + "/diagnostics/catalogue"))
        let bytes = try InMemoryLoadingTests.bytes(fixtures + "/answers/applicant-form.yaml")
        switch BundleLoader.load(bytes: bytes, name: "applicant-form.yaml", catalogue: catalogue.catalogue) {
        case .loaded(let loaded): return loaded
        case .invalid(let report): throw AnswersFindings(diagnostics: report.diagnostics)
        }
    }

    /// The applicant-form fixture.
    static var applicantForm: BundleLoader.Loaded {
        get throws { try loadedForm.get() }
    }

    /// Valid answers to the applicant form, with `replacing` lines put in.
    static func answers(_ replacing: [String: String] = [:]) -> String {
        let fields: [(String, String)] = [
            ("applicant.id", #""11010519491231002X""#), ("venue.area_m2", "80.5"), ("staff.count", "3"),
            ("business.kind", #""retail""#), ("business.sells_tobacco", "true"),
            ("business.opens", #""2025-09-01""#),
        ]
        let lines = fields.compactMap { field, value -> String? in
            let written = replacing[field] ?? value
            return written.isEmpty ? nil : "  \"\(field)\": \(written)"
        }
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }

    // MARK: The real bundles

    @Test func theRealBundlesTestAnswersAsJSONGiveTheSamePlans() throws {
        var compared = 0
        for path in try InMemoryLoadingTests.yamlFiles(in: Self.root.appendingPathComponent("bundles").path) {
            guard case .loaded(let loaded) = try BundleLoader.load(path: path) else {
                Issue.record("\(path) should load")
                continue
            }
            for test in loaded.bundle.tests {
                let fromYAML = Result {
                    try loaded.builder.plan(for: test.answers, missingAt: test.name.span)
                }
                let fromJSON = Self.plan(loaded, Self.json(test.answers))
                switch (fromYAML, fromJSON) {
                case (.success(let yaml), .success(let json)):
                    #expect(Self.decisions(json) == Self.decisions(yaml), "\(path): \(test.name.value)")
                    compared += 1
                case (.failure(let yaml as PlanBuilder.Failure), .failure(let json)):
                    // A case that expects an error gets the same findings, located in the JSON.
                    #expect(json.diagnostics.map(\.code) == yaml.diagnostics.map(\.code))
                    #expect(json.diagnostics.map(\.message) == yaml.diagnostics.map(\.message))
                    #expect(json.diagnostics.allSatisfy { $0.span.file == "answers.json" })
                default:
                    Issue.record("\(path): \(test.name.value) planned one way and not the other")
                }
            }
        }
        #expect(compared >= 45)
    }

    @Test func nestedObjectsAreDottedFieldsAsInYAML() throws {
        let restaurant = try RealBundle.restaurant()
        let nested =
            #"{"business": {"has_licence": false, "prepackaged_only": false}, "fire": {"route": "normal"}, "#
            + #""sign": {"outdoor": true}, "tobacco": {"retail": true}}"#
        let test = try #require(
            restaurant.bundle.tests.first { $0.name.value == RealBundle.restaurantWorstCase })
        let expected = try restaurant.builder.plan(for: test.answers, missingAt: test.name.span)
        let plan = try Self.plan(restaurant, nested).get()
        #expect(Self.decisions(plan) == Self.decisions(expected))
    }

    // MARK: The form's checks, located in the JSON

    @Test func validJSONAnswersPlanAsTheirYAMLTestCase() throws {
        let plan = try Self.plan(try Self.applicantForm, Self.answers()).get()
        #expect(plan.applicableItems.map(\.id.value) == ["register", "tobacco"])
        let tabs =
            "{\t\"applicant.id\":\t\"11010519491231002X\",\t\"venue.area_m2\":\t80.5,\t\"staff.count\":\t3,\t"
            + "\"business.kind\":\t\"retail\",\t\"business.sells_tobacco\":\ttrue,\t\"business.opens\":\t\"2025-09-01\"}"
        #expect(try Self.decisions(Self.plan(try Self.applicantForm, tabs).get()) == Self.decisions(plan))
        let test = try #require((try Self.applicantForm).bundle.tests.first)
        let yaml = try (try Self.applicantForm).builder.plan(for: test.answers, missingAt: test.name.span)
        #expect(plan.applicableItems.map(\.id.value) == yaml.applicableItems.map(\.id.value))
    }

    @Test func aMissingRequiredAnswerPointsAtTheStartOrAtItsNull() throws {
        #expect(
            try Self.findings(Self.answers(["staff.count": ""]))
                == ["1:1 OT801: the required question 'staff.count' (从业人数) has no answer"])
        #expect(
            try Self.findings(Self.answers(["staff.count": "null"]))
                == ["4:3 OT801: the required question 'staff.count' (从业人数) has no answer"])
    }

    @Test func aWrongTypeIsFoundAtTheValue() throws {
        #expect(
            try Self.findings(Self.answers(["business.sells_tobacco": #""true""#]))
                == [
                    "6:29 OT802: 'true' is not an answer to 'business.sells_tobacco' (是否销售卷烟): expected true or false"
                ])
        #expect(
            try Self.findings(Self.answers(["staff.count": "3.5"]))
                == ["4:18 OT802: '3.5' is not an answer to 'staff.count' (从业人数): expected a whole number"])
        #expect(
            try Self.findings(Self.answers(["venue.area_m2": #""80""#]))
                == ["3:20 OT802: '80' is not an answer to 'venue.area_m2' (面积): expected a number"])
        #expect(
            try Self.findings(Self.answers(["business.opens": #""2025-02-30""#]))
                == [
                    "7:21 OT802: '2025-02-30' is not an answer to 'business.opens' (开业日期): expected a date such as 2025-10-01"
                ])
    }

    @Test func aNumberOutOfRangeIsFoundAtTheValue() throws {
        #expect(
            try Self.findings(Self.answers(["venue.area_m2": "1.5e4"]))
                == ["3:20 OT803: the answer 15000 to 'venue.area_m2' (面积) must be ≤ 10000"])
        #expect(
            try Self.findings(Self.answers(["venue.area_m2": "-1"]))
                == ["3:20 OT803: the answer -1 to 'venue.area_m2' (面积) must be ≥ 0"])
        #expect(
            try Self.findings(Self.answers(["business.opens": #""2024-12-31""#]))
                == ["7:21 OT803: the answer 2024-12-31 to 'business.opens' (开业日期) must be ≥ 2025-01-01"])
    }

    @Test func anEnumTakesItsValuesNotItsLabels() throws {
        let found = Self.plan(try Self.applicantForm, Self.answers(["business.kind": #""零售""#]))
        guard case .failure(let failure) = found else {
            Issue.record("a label is not a value")
            return
        }
        #expect(failure.diagnostics.map(\.code) == [.answerUndeclaredValue])
        #expect(failure.diagnostics.first?.span.start == SourceLocation(line: 5, column: 20))
        #expect(failure.diagnostics.first?.hint?.en == "write the value, not its label: retail")
    }

    @Test func anIdentityNumberIsCheckedByItsCheckCharacter() throws {
        #expect(
            try Self.findings(Self.answers(["applicant.id": #""110105194912310021""#]))
                == [
                    "2:19 OT802: '110105194912310021' is not an answer to 'applicant.id' (身份证号): "
                        + "the check character of this identity number is wrong (expected X): a digit may be mistyped"
                ])
        // Written as a JSON number, 18 digits beyond 2^53 keep every digit.
        let plan = try Self.plan(try Self.applicantForm, Self.answers(["applicant.id": "370102199003071203"]))
            .get()
        #expect(plan.answers.description.contains("370102199003071203"))
        let exponent = try Self.plan(
            try Self.applicantForm, Self.answers(["applicant.id": "3.70102199003071203e17"])
        ).get()
        #expect(exponent.answers.description.contains("370102199003071203"))
    }

    @Test func anUnknownQuestionIsNamedWithTheNearestOne() throws {
        let found = Self.plan(
            try Self.applicantForm, Self.answers().replacingOccurrences(of: "staff.count", with: "staff.cont")
        )
        guard case .failure(let failure) = found else {
            Issue.record("a misspelt question is not answered")
            return
        }
        #expect(failure.diagnostics.map(\.code) == [.answerUnknownField, .answerMissing])
        #expect(failure.diagnostics.first?.span.start == SourceLocation(line: 4, column: 3))
        #expect(failure.diagnostics.first?.hint?.en.contains("staff.count") == true)
    }

    @Test func yamlAndJSONAnswersGetTheSameFindings() throws {
        let yaml = """
            applicant.id: 110105194912310021
            venue.area_m2: 20000
            staff.count: 9007199254740993
            business.kind: 零售
            business.sells_tobacco: "true"
            business.opens: 2025-09-01
            extra: 1
            """
        let json = """
            {"applicant.id": "110105194912310021", "venue.area_m2": 2e4, "staff.count": 9007199254740993,
             "business.kind": "零售", "business.sells_tobacco": "true", "business.opens": "2025-09-01", "extra": 1}
            """
        guard
            case .failure(let fromYAML) = Self.plan(
                try Self.applicantForm, yaml, syntax: .yaml, name: "answers.yaml"),
            case .failure(let fromJSON) = Self.plan(try Self.applicantForm, json)
        else {
            Issue.record("both answers have mistakes")
            return
        }
        #expect(
            fromJSON.diagnostics.map(\.code) == [
                .answerType, .answerOutOfRange, .answerType, .answerUndeclaredValue, .answerType,
                .answerUnknownField,
            ])
        #expect(fromJSON.diagnostics.map(\.code) == fromYAML.diagnostics.map(\.code))
        #expect(fromJSON.diagnostics.map(\.message) == fromYAML.diagnostics.map(\.message))
        #expect(fromJSON.diagnostics.map(\.hint) == fromYAML.diagnostics.map(\.hint))
        #expect(fromJSON.diagnostics.map(\.span.start.line) == [1, 1, 1, 2, 2, 2])
        #expect(fromJSON.diagnostics.map(\.span.start.column) == [18, 57, 77, 19, 51, 91])
    }

    // MARK: JSON's edge cases, as answers

    @Test func numbersAreReadAsJSONWritesThem() throws {
        let thousand = try Self.plan(
            try Self.applicantForm, Self.answers(["venue.area_m2": "1e3", "staff.count": "6E+1"])
        ).get()
        #expect(thousand.answers["venue.area_m2"] == .number(1000))
        #expect(thousand.answers["staff.count"] == .number(60))
        #expect(thousand.applicableItems.map(\.id.value) == ["register", "tobacco", "fire"])
        let zero = try Self.plan(try Self.applicantForm, Self.answers(["venue.area_m2": "-0"])).get()
        #expect(zero.answers["venue.area_m2"] == .number(0))
        #expect(zero.applicableItems.map(\.id.value) == ["register"])
        let largest = try Self.plan(try Self.applicantForm, Self.answers(["staff.count": "9007199254740991"]))
            .get()
        #expect(largest.answers["staff.count"] == .number(9_007_199_254_740_991))
    }

    @Test func aWholeNumberBeyond2To53IsRefusedNotRounded() throws {
        #expect(
            try Self.findings(Self.answers(["staff.count": "9007199254740993"]))
                == [
                    "4:18 OT802: '9007199254740993' is not an answer to 'staff.count' (从业人数): numbers of 2^53 "
                        + "(9007199254740992) or more cannot be read exactly; the largest is 9007199254740991"
                ])
        #expect(
            try Self.findings(Self.answers(["venue.area_m2": "1e16"])).first?.hasPrefix(
                "3:20 OT802: '10000000000000000'") == true)
        #expect(try Self.findings(Self.answers(["staff.count": "-9007199254740992"])).count == 1)
    }

    @Test func aPlusSignOrAnIntegerBeyond2To53InYAMLAnswersIsRefusedWithItsReason() throws {
        let yaml = """
            applicant.id: 11010519491231002X
            venue.area_m2: +5
            staff.count: 9223372036854775807
            business.kind: retail
            business.sells_tobacco: false
            business.opens: 2025-09-01
            """
        guard
            case .failure(let failure) = Self.plan(
                try Self.applicantForm, yaml, syntax: .yaml, name: "answers.yaml")
        else {
            Issue.record("+5 and 2^63 were taken as answers")
            return
        }
        let found = failure.diagnostics.filter { $0.code == .answerType }
        #expect(found.map { "\($0.span.start)-\($0.span.end)" } == ["2:16-2:18", "3:14-3:33"])
        #expect(
            found.map(\.message.en) == [
                "'+5' is not an answer to 'venue.area_m2' (面积): a number takes no '+' sign "
                    + "(only '-' for a negative number); write 5",
                "'9223372036854775807' is not an answer to 'staff.count' (从业人数): numbers of 2^53 "
                    + "(9007199254740992) or more cannot be read exactly; the largest is 9007199254740991",
            ])
        #expect(
            found.first?.message.zh
                == "“+5”不是问题“venue.area_m2”（面积）的有效答案：数字前不写“+”号（负数才写“-”）；请写为 5")
        #expect(found.first?.hint?.en == "answer with a number")
        #expect(found.first?.hint?.zh == "请填写数字")
    }

    @Test func escapesAreDecodedInKeysAndValues() throws {
        let text = Self.answers(["business.kind": #""\u0072etail""#]).replacingOccurrences(
            of: "\"staff.count\"", with: #""staff\u002ecount""#)
        let plan = try Self.plan(try Self.applicantForm, text).get()
        #expect(plan.answers["business.kind"] == .text("retail"))
        #expect(plan.answers["staff.count"] == .number(3))
        let slash = try Self.findings(Self.answers(["applicant.id": #""1101\/0519491231002X""#]))
        #expect(slash.first?.hasPrefix("2:19 OT802: '1101/0519491231002X'") == true)
        let emoji = try Self.findings(
            Self.answers().replacingOccurrences(
                of: "\"staff.count\": 3", with: #""staff.count": 3, "\ud83d\ude00": 1"#))
        #expect(emoji == ["4:21 OT805: the form has no question '😀'"])
    }

    @Test func aKeyWrittenTwiceIsTheDuplicateKeyFinding() throws {
        let text = Self.answers().replacingOccurrences(
            of: "\"staff.count\": 3", with: "\"staff.count\": 3,\n  \"staff.count\": 4")
        #expect(
            try Self.findings(text) == [
                "5:3 OT102: the key ‘staff.count’ appears twice at the same level (first on line 4); "
                    + "only the first is read, and everything under this one is left out"
            ])
    }

    @Test func yamlWordsAreNotJSONBooleansOrNull() throws {
        #expect(
            try Self.findings(Self.answers(["business.sells_tobacco": "yes"])) == [
                "6:29 OT111: ‘yes’ is not a JSON value"
            ])
        #expect(
            try Self.findings(Self.answers(["business.sells_tobacco": "True"])) == [
                "6:29 OT111: ‘True’ is not a JSON value"
            ])
        #expect(
            try Self.findings(Self.answers(["staff.count": "~"])) == ["4:18 OT111: ‘~’ is not a JSON value"])
        #expect(
            try Self.findings(Self.answers(["venue.area_m2": "NaN"])) == [
                "3:20 OT111: ‘NaN’ is not a JSON value"
            ])
    }

    @Test func trailingCommasCommentsAndOtherSyntaxAreFoundAtTheirPlace() throws {
        #expect(
            try Self.findings(
                Self.answers().replacingOccurrences(of: "\"2025-09-01\"\n}", with: "\"2025-09-01\",\n}"))
                == ["8:1 OT111: a comma right before ‘}’ is not allowed in JSON"])
        #expect(
            try Self.findings(Self.answers(["staff.count": "3 // 人"]))
                == ["4:20 OT111: JSON has no comments"])
        #expect(
            try Self.findings("{\"staff.count\": 012}") == [
                "1:17 OT111: a JSON number does not start with 0 unless it is 0"
            ])
        #expect(
            try Self.findings("{\"staff.count\": 3} {}") == ["1:20 OT111: more text follows the JSON value"])
        #expect(try Self.findings("") == ["1:1 OT111: the text holds no JSON value"])
        #expect(
            try Self.findings("{\"business.kind\": \"retail\n\"}").first
                == "1:26 OT111: a line break inside text in double quotes")
    }

    @Test func answersAreAnObjectNotAListOrAScalar() throws {
        #expect(try Self.findings("[1, 2]").map { $0.prefix(9) } == ["1:1 OT203"])
        #expect(try Self.findings("12").map { $0.prefix(9) } == ["1:1 OT203"])
        // null is no answers at all, as an empty YAML file of answers would be.
        #expect(try Self.findings("null").allSatisfy { $0.hasPrefix("1:1 OT801") })
        #expect(try Self.findings("null").count == 6)
    }

    @Test func answersOverTheSizeLimitAreNotRead() throws {
        let form = try Self.applicantForm
        let text = Self.answers()
        let source = AnswersSource.document(Array(text.utf8), name: "big.json", syntax: .json)
        #expect(throws: AnswersError.self) {
            try source.resolve(for: form.bundle, limits: YAMLLimits(maxBytes: 16))
        }
        do {
            _ = try source.resolve(for: form.bundle, limits: YAMLLimits(maxBytes: 16))
        } catch {
            #expect(error.diagnostics.map(\.code) == [.fileTooLarge])
        }
        let deep = String(repeating: "{\"a\": ", count: 80) + "1" + String(repeating: "}", count: 80)
        #expect(try Self.findings(deep).map { $0.prefix(9) } == ["1:385 OT1"])
        #expect(try Self.findings(deep).first?.contains("OT104") == true)
    }

    @Test func anAnswersFileEndingInJSONIsReadAsJSON() throws {
        let form = try Self.applicantForm
        let path = try GeneratedInputTests.temporaryFile(
            "answers.JSON", Array(Self.answers(["staff.count": "yes"]).utf8))
        do {
            _ = try AnswersSource.file(path).resolve(for: form.bundle)
            Issue.record("yes is not JSON")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.jsonSyntax])
            #expect(error.diagnostics.first?.span.file == path)
            #expect(error.source?.path == path)
        }
        let yamlPath = try GeneratedInputTests.temporaryFile("answers.yaml", Array(Self.answers().utf8))
        let resolved = try AnswersSource.file(yamlPath).resolve(for: form.bundle)
        #expect(resolved.answers.count == 6)
    }
}

/// The real restaurant bundle, for the tests that need one real form.
enum RealBundle {
    static let restaurantWorstCase = "新办餐饮店，一般程序消防，设招牌并售烟（最坏情况）"

    static func restaurant() throws -> BundleLoader.Loaded {
        let path = InMemoryLoadingTests.root.appendingPathComponent("bundles/open-restaurant.yaml").path
        guard case .loaded(let loaded) = try BundleLoader.load(path: path) else {
            throw JSONAnswersTests.AnswersFindings(diagnostics: [])
        }
        return loaded
    }
}
