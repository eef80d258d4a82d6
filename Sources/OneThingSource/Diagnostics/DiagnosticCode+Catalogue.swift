// The registry of every diagnostic code. Like rustc's error index, the codes live in
// one place so that none is used twice; the stage that detects a finding builds its
// message (see the `Diagnostic+<Stage>.swift` files of each module).
//
// Numbering: OT1xx text, YAML and JSON, OT2xx shape of the file, OT3xx references and
// graph, OT4xx conditions and the form, OT5xx time limits and promises, OT6xx
// catalogues and calendars, OT7xx the bundle's own test cases, OT8xx an applicant's
// answers.

extension DiagnosticCode {
    /// One entry of the registry: a code with a one-line summary in both languages.
    public struct Entry: Sendable {
        /// The code.
        public let code: DiagnosticCode
        /// The severity the code is reported with.
        public let severity: Severity
        /// A one-line summary of what the code means.
        public let summary: LocalizedText
    }

    // MARK: OT1xx: text, YAML and JSON

    /// The file is not valid YAML.
    public static let yamlSyntax = DiagnosticCode("OT101")
    /// A mapping has the same key twice.
    public static let duplicateKey = DiagnosticCode("OT102")
    /// An alias expands beyond the budget, or is used where it is not allowed.
    public static let aliasBudget = DiagnosticCode("OT103")
    /// The document nests deeper than the limit.
    public static let nestingTooDeep = DiagnosticCode("OT104")
    /// The file is larger than the limit.
    public static let fileTooLarge = DiagnosticCode("OT105")
    /// The file is not UTF-8 text.
    public static let notText = DiagnosticCode("OT106")
    /// A tab is used for indentation.
    public static let tabIndentation = DiagnosticCode("OT107")
    /// The file holds no document.
    public static let emptyFile = DiagnosticCode("OT108")
    /// The file holds more than one document.
    public static let multipleDocuments = DiagnosticCode("OT109")
    /// A mapping key is not a plain text key.
    public static let complexKey = DiagnosticCode("OT110")
    /// The file is not valid JSON.
    public static let jsonSyntax = DiagnosticCode("OT111")

    // MARK: OT2xx: shape of the file

    /// A key that this place does not know.
    public static let unknownKey = DiagnosticCode("OT201")
    /// A required key is missing.
    public static let missingKey = DiagnosticCode("OT202")
    /// A value has the wrong type.
    public static let wrongType = DiagnosticCode("OT203")
    /// A time limit is not a duration OneThing understands.
    public static let badDuration = DiagnosticCode("OT204")
    /// A value is of the right type but not allowed here.
    public static let badValue = DiagnosticCode("OT205")
    /// An identifier is not a valid id.
    public static let badIdentifier = DiagnosticCode("OT206")
    /// Two entries of a list have the same name.
    public static let duplicateName = DiagnosticCode("OT207")
    /// A material fetched from an e-licence or shared data does not declare its fallback.
    public static let fallbackMissing = DiagnosticCode("OT208")

    // MARK: OT3xx: references and graph

    /// A reference to a department that the catalogue does not have.
    public static let unknownDepartment = DiagnosticCode("OT301")
    /// A reference to a material that neither the bundle nor the catalogue declares.
    public static let unknownMaterial = DiagnosticCode("OT302")
    /// A reference to an output the bundle does not declare.
    public static let unknownOutput = DiagnosticCode("OT303")
    /// A reference to an item the bundle does not declare.
    public static let unknownItem = DiagnosticCode("OT304")
    /// A reference to an inspection the bundle does not declare.
    public static let unknownInspection = DiagnosticCode("OT305")
    /// A material the bundle declares but no item needs.
    public static let unusedMaterial = DiagnosticCode("OT306")
    /// An output the bundle declares but no item produces or needs.
    public static let unusedOutput = DiagnosticCode("OT307")
    /// An output that items need but no item produces.
    public static let outputNeverProduced = DiagnosticCode("OT308")
    /// An output that more than one item produces.
    public static let outputProducedTwice = DiagnosticCode("OT309")
    /// Items wait for each other in a circle.
    public static let dependencyCycle = DiagnosticCode("OT310")
    /// An inspection that fewer than two items take part in.
    public static let lonelyInspection = DiagnosticCode("OT311")
    /// Some applicants match no rule choosing the lead department.
    public static let leadUndetermined = DiagnosticCode("OT312")
    /// For some applicants an item needs an output of the bundle that no item issues them.
    public static let outputNotIssued = DiagnosticCode("OT313")
    /// A need's `from:` or a form field's `party:` names a party the bundle does not declare.
    public static let unknownParty = DiagnosticCode("OT314")
    /// A party the bundle declares but no need brings and no form field asks about.
    public static let unusedParty = DiagnosticCode("OT315")

    // MARK: OT4xx: conditions and the form

    /// A condition is not well formed.
    public static let conditionSyntax = DiagnosticCode("OT401")
    /// A condition reads a field the form does not have.
    public static let unknownField = DiagnosticCode("OT402")
    /// A condition combines values of types that do not fit.
    public static let conditionType = DiagnosticCode("OT403")
    /// A condition compares an enum field with a value the field does not declare.
    public static let undeclaredEnumValue = DiagnosticCode("OT404")
    /// A condition can never be true, whatever the applicant answers.
    public static let conditionNeverTrue = DiagnosticCode("OT405")
    /// A form field that no condition reads and no item uses.
    public static let unusedField = DiagnosticCode("OT406")
    /// A condition nests deeper or is longer than the limit.
    public static let conditionTooComplex = DiagnosticCode("OT407")
    /// A form field's declaration does not hold together (bounds, enum values).
    public static let badField = DiagnosticCode("OT408")
    /// A need's condition never holds where its item applies.
    public static let needNeverApplies = DiagnosticCode("OT409")
    /// A need is from a party whose condition never holds where the need applies.
    public static let needFromAbsentParty = DiagnosticCode("OT410")
    /// A condition reads a result produced in the case where it is not yet known.
    public static let resultNotYetKnown = DiagnosticCode("OT411")

    // MARK: OT5xx: time limits and promises

    /// An item promises more time than the law allows.
    public static let promiseExceedsLegal = DiagnosticCode("OT501")
    /// A core material is marked as one that may follow later.
    public static let coreMaterialDeferrable = DiagnosticCode("OT502")
    /// The bundle promises less time than its critical path needs for some applicant.
    public static let promiseBrokenInWorstCase = DiagnosticCode("OT503")
    /// The worst case could not be searched exhaustively.
    public static let worstCaseIncomplete = DiagnosticCode("OT504")
    /// A deferred material's deadline is longer than the promise of an item that needs it.
    public static let deferralExceedsPromise = DiagnosticCode("OT505")
    /// An item that names no legal basis.
    public static let missingBasis = DiagnosticCode("OT506")
    /// The promise holds in working-day equivalents but not on the calendar for some start date.
    public static let promiseBrokenOnCalendar = DiagnosticCode("OT507")
    /// An item that states no fee (only when fees are required: `validate --require-fees`).
    public static let missingFee = DiagnosticCode("OT508")
    /// Time an item leaves out of its limits (`not-counted:`) names no law that leaves it out.
    public static let uncountedWithoutBasis = DiagnosticCode("OT509")
    /// Time an item leaves out of its limits is not a positive period of at most a year.
    public static let uncountedPeriodOutOfBounds = DiagnosticCode("OT510")
    /// Two windows of one `windows:` list share days for the same applicants.
    public static let overlappingWindows = DiagnosticCode("OT511")

    // MARK: OT6xx: catalogues and calendars

    /// A catalogue file is not one OneThing knows.
    public static let unknownCatalogueFile = DiagnosticCode("OT601")
    /// A calendar date lies outside the calendar's year, or a day is listed twice.
    public static let badCalendarDate = DiagnosticCode("OT602")
    /// A make-up working day that is not a weekend day, or a holiday on a make-up day.
    public static let calendarConflict = DiagnosticCode("OT603")
    /// No catalogue was found for a bundle.
    public static let catalogueMissing = DiagnosticCode("OT604")
    /// A bundle takes effect in a year the catalogue has no State Council notice for.
    public static let provisionalCalendar = DiagnosticCode("OT605")

    // MARK: OT7xx: the bundle's own test cases

    /// A test case's expectation does not hold for its answers.
    public static let testFailed = DiagnosticCode("OT701")
    /// A test case expects an error that its answers do not cause, or causes one it does not expect.
    public static let testErrorMismatch = DiagnosticCode("OT702")
    /// No test case of that name.
    public static let unknownTestCase = DiagnosticCode("OT703")

    // MARK: OT8xx: an applicant's answers

    /// A required question of the form has no answer.
    public static let answerMissing = DiagnosticCode("OT801")
    /// An answer does not fit its field's type.
    public static let answerType = DiagnosticCode("OT802")
    /// A number or date answer lies outside the field's bounds.
    public static let answerOutOfRange = DiagnosticCode("OT803")
    /// An answer to an enum field is not one of its values.
    public static let answerUndeclaredValue = DiagnosticCode("OT804")
    /// An answer to a question the form does not ask.
    public static let answerUnknownField = DiagnosticCode("OT805")
    /// The answers break a rule of the form (`form-rules:`).
    public static let answerBreaksRule = DiagnosticCode("OT806")
    /// The applicant does not meet an eligibility rule of the bundle (`eligibility:`).
    public static let notEligible = DiagnosticCode("OT807")

    /// Every code with its severity and summary, in code order.
    public static let catalogue: [Entry] = [
        Entry(
            code: .yamlSyntax, severity: .error,
            summary: .init(en: "the file is not valid YAML", zh: "文件不是有效的 YAML")),
        Entry(
            code: .duplicateKey, severity: .error,
            summary: .init(en: "a mapping has the same key twice", zh: "同一映射中键重复")),
        Entry(
            code: .aliasBudget, severity: .error,
            summary: .init(en: "an alias expands beyond the budget or is misused", zh: "别名展开超出上限或用法不允许")),
        Entry(
            code: .nestingTooDeep, severity: .error,
            summary: .init(en: "the document nests too deep", zh: "文档嵌套过深")),
        Entry(code: .fileTooLarge, severity: .error, summary: .init(en: "the file is too large", zh: "文件过大")),
        Entry(
            code: .notText, severity: .error,
            summary: .init(en: "the file is not UTF-8 text", zh: "文件不是 UTF-8 文本")),
        Entry(
            code: .tabIndentation, severity: .error,
            summary: .init(en: "a tab is used for indentation", zh: "使用了制表符缩进")),
        Entry(
            code: .emptyFile, severity: .error, summary: .init(en: "the file holds no document", zh: "文件为空")),
        Entry(
            code: .multipleDocuments, severity: .error,
            summary: .init(en: "the file holds more than one document", zh: "文件包含多个文档")),
        Entry(
            code: .complexKey, severity: .error,
            summary: .init(en: "a mapping key is not plain text", zh: "映射的键不是普通文本")),
        Entry(
            code: .jsonSyntax, severity: .error,
            summary: .init(en: "the file is not valid JSON", zh: "文件不是有效的 JSON")),
        Entry(
            code: .unknownKey, severity: .error,
            summary: .init(en: "a key this place does not know", zh: "此处不认识的键")),
        Entry(
            code: .missingKey, severity: .error, summary: .init(en: "a required key is missing", zh: "缺少必填的键")
        ),
        Entry(
            code: .wrongType, severity: .error, summary: .init(en: "a value has the wrong type", zh: "值的类型不对")
        ),
        Entry(
            code: .badDuration, severity: .error,
            summary: .init(en: "a time limit is not a duration", zh: "时限不是可识别的时长")),
        Entry(
            code: .badValue, severity: .error,
            summary: .init(en: "a value is not allowed here", zh: "此处不允许该值")),
        Entry(
            code: .badIdentifier, severity: .error,
            summary: .init(en: "an identifier is not a valid id", zh: "标识符格式不对")),
        Entry(
            code: .duplicateName, severity: .error,
            summary: .init(en: "two entries have the same name", zh: "两个条目同名")),
        Entry(
            code: .fallbackMissing, severity: .warning,
            summary: .init(
                en: "a fetched material does not say what happens when it cannot be fetched",
                zh: "通过系统获取的材料未写明获取不到时怎么办")),
        Entry(
            code: .unknownDepartment, severity: .error, summary: .init(en: "unknown department", zh: "未知部门")),
        Entry(code: .unknownMaterial, severity: .error, summary: .init(en: "unknown material", zh: "未知材料")),
        Entry(code: .unknownOutput, severity: .error, summary: .init(en: "unknown output", zh: "未知证照/结果")),
        Entry(code: .unknownItem, severity: .error, summary: .init(en: "unknown item", zh: "未知事项")),
        Entry(
            code: .unknownInspection, severity: .error,
            summary: .init(en: "unknown joint inspection", zh: "未知联合勘验")),
        Entry(
            code: .unusedMaterial, severity: .warning,
            summary: .init(en: "a material no item needs", zh: "没有事项需要的材料")),
        Entry(
            code: .unusedOutput, severity: .warning,
            summary: .init(en: "an output no item produces or needs", zh: "没有事项产出或需要的证照/结果")),
        Entry(
            code: .outputNeverProduced, severity: .error,
            summary: .init(en: "an output needed but never produced", zh: "被需要却没有事项产出的证照/结果")),
        Entry(
            code: .outputProducedTwice, severity: .error,
            summary: .init(en: "an output produced by two items", zh: "同一证照/结果由两个事项产出")),
        Entry(
            code: .dependencyCycle, severity: .error,
            summary: .init(en: "items wait for each other in a circle", zh: "事项之间循环等待")),
        Entry(
            code: .lonelyInspection, severity: .warning,
            summary: .init(en: "a joint inspection with fewer than two items", zh: "参与事项少于两个的联合勘验")),
        Entry(
            code: .leadUndetermined, severity: .error,
            summary: .init(en: "some applicants match no lead department rule", zh: "部分申请人不符合任何牵头部门规则")),
        Entry(
            code: .outputNotIssued, severity: .warning,
            summary: .init(
                en: "some applicants are asked for an output no item issues them",
                zh: "部分申请人被要求提交本件事不为其出具的证照/结果")),
        Entry(code: .unknownParty, severity: .error, summary: .init(en: "unknown party", zh: "未知当事人")),
        Entry(
            code: .unusedParty, severity: .warning,
            summary: .init(en: "a party that brings nothing and is asked nothing", zh: "既不提交材料、也不填写表单的当事人")),
        Entry(
            code: .conditionSyntax, severity: .error,
            summary: .init(en: "a condition is not well formed", zh: "条件写法有误")),
        Entry(
            code: .unknownField, severity: .error,
            summary: .init(en: "a condition reads an unknown form field", zh: "条件引用了表单中没有的字段")),
        Entry(
            code: .conditionType, severity: .error,
            summary: .init(en: "a condition mixes types that do not fit", zh: "条件中的类型不匹配")),
        Entry(
            code: .undeclaredEnumValue, severity: .error,
            summary: .init(en: "an enum value the field does not declare", zh: "字段未声明的选项值")),
        Entry(
            code: .conditionNeverTrue, severity: .warning,
            summary: .init(en: "a condition can never be true", zh: "条件永远不成立")),
        Entry(
            code: .unusedField, severity: .warning,
            summary: .init(en: "a form field nothing uses", zh: "没有被使用的表单字段")),
        Entry(
            code: .conditionTooComplex, severity: .error,
            summary: .init(en: "a condition is too deep or too long", zh: "条件嵌套过深或过长")),
        Entry(
            code: .badField, severity: .error,
            summary: .init(en: "a form field's declaration does not hold together", zh: "表单字段的定义自相矛盾")),
        Entry(
            code: .needNeverApplies, severity: .warning,
            summary: .init(
                en: "a need's condition never holds where its item applies", zh: "所需材料的条件在其事项适用时永远不成立")),
        Entry(
            code: .needFromAbsentParty, severity: .warning,
            summary: .init(
                en: "a need is from a party that never takes part where the need applies",
                zh: "所需材料由某当事人提交，但在该材料适用时该当事人永远不参与")),
        Entry(
            code: .resultNotYetKnown, severity: .error,
            summary: .init(
                en: "a condition reads a result produced in the case before it is known",
                zh: "条件在办理结果尚未作出时就读取了该结果")),
        Entry(
            code: .promiseExceedsLegal, severity: .error,
            summary: .init(en: "a promised limit longer than the legal one", zh: "承诺时限超过法定时限")),
        Entry(
            code: .coreMaterialDeferrable, severity: .error,
            summary: .init(en: "a core material marked deferrable", zh: "核心材料被标为可容缺")),
        Entry(
            code: .promiseBrokenInWorstCase, severity: .error,
            summary: .init(
                en: "the promise is shorter than the worst-case critical path", zh: "承诺时限短于最坏情况下的关键路径")),
        Entry(
            code: .worstCaseIncomplete, severity: .warning,
            summary: .init(en: "the worst case could not be searched exhaustively", zh: "最坏情况未能穷举")),
        Entry(
            code: .deferralExceedsPromise, severity: .error,
            summary: .init(en: "a deferral deadline longer than an item's promise", zh: "容缺补交期限超过事项承诺时限")),
        Entry(
            code: .missingBasis, severity: .warning,
            summary: .init(en: "an item that names no legal basis", zh: "事项未写明法律依据")),
        Entry(
            code: .promiseBrokenOnCalendar, severity: .warning,
            summary: .init(
                en: "the promise is broken on the calendar for some start date", zh: "按实际日历，某些受理日期下承诺时限不能兑现")),
        Entry(
            code: .missingFee, severity: .warning,
            summary: .init(en: "an item that states no fee", zh: "事项未写明收费")),
        Entry(
            code: .uncountedWithoutBasis, severity: .error,
            summary: .init(
                en: "time not counted in the limits names no law that leaves it out",
                zh: "不计入办理时限的时间未写明依据")),
        Entry(
            code: .uncountedPeriodOutOfBounds, severity: .error,
            summary: .init(
                en: "time not counted in the limits is not a period of more than nothing and at most a year",
                zh: "不计入办理时限的时间不是大于零且不超过一年的期间")),
        Entry(
            code: .overlappingWindows, severity: .warning,
            summary: .init(
                en: "two windows of one list share days for the same applicants",
                zh: "同一列表中的两段报名时间对同一批申请人有重叠")),
        Entry(
            code: .unknownCatalogueFile, severity: .warning,
            summary: .init(en: "a file in the catalogue folder OneThing does not know", zh: "目录文件夹中无法识别的文件")),
        Entry(
            code: .badCalendarDate, severity: .error,
            summary: .init(en: "a calendar date outside its year or listed twice", zh: "日历日期超出年份或重复")),
        Entry(
            code: .calendarConflict, severity: .error,
            summary: .init(en: "a calendar day that contradicts itself", zh: "日历中自相矛盾的日期")),
        Entry(
            code: .catalogueMissing, severity: .error,
            summary: .init(en: "no catalogue found for a bundle", zh: "找不到共享目录")),
        Entry(
            code: .provisionalCalendar, severity: .warning,
            summary: .init(
                en: "a bundle takes effect in a year whose calendar is provisional (no State Council notice)",
                zh: "一件事的施行日期所在年份只有暂定日历（没有国务院办公厅放假通知）")),
        Entry(
            code: .testFailed, severity: .error,
            summary: .init(en: "a test case's expectation does not hold", zh: "测试用例的预期不成立")),
        Entry(
            code: .testErrorMismatch, severity: .error,
            summary: .init(en: "a test case expects another error than it gets", zh: "测试用例预期的错误与实际不符")),
        Entry(
            code: .unknownTestCase, severity: .error,
            summary: .init(en: "no test case of that name", zh: "没有该名称的测试用例")),
        Entry(
            code: .answerMissing, severity: .error,
            summary: .init(en: "a required question has no answer", zh: "必答问题没有回答")),
        Entry(
            code: .answerType, severity: .error,
            summary: .init(en: "an answer does not fit its field's type", zh: "答案与字段类型不符")),
        Entry(
            code: .answerOutOfRange, severity: .error,
            summary: .init(en: "an answer lies outside the field's bounds", zh: "答案超出字段的取值范围")),
        Entry(
            code: .answerUndeclaredValue, severity: .error,
            summary: .init(en: "an answer is not one of the field's values", zh: "答案不是字段的可选值")),
        Entry(
            code: .answerUnknownField, severity: .error,
            summary: .init(en: "an answer to a question the form does not ask", zh: "回答了表单中没有的问题")),
        Entry(
            code: .answerBreaksRule, severity: .error,
            summary: .init(en: "the answers break a rule of the form", zh: "答案不符合表单规则")),
        Entry(
            code: .notEligible, severity: .error,
            summary: .init(en: "the applicant is not eligible", zh: "申请人不符合申请条件")),

    ]

    /// The registry entry of this code.
    public var entry: Entry? { Self.catalogue.first { $0.code == self } }
}
