import OneThingSource

/// Someone, or some system, that may use the service with a token: window staff, a
/// department's officer or system, a supervisor, an administrator. Applicants are not
/// principals: they reach their own case with its access code (``AccessCode``).
public struct Principal: Sendable, Hashable {
    /// The id, unique in the principals file: the name decisions are recorded under.
    public var id: String
    /// The name shown to people: `政务服务中心综合窗口 张敏`.
    public var name: String
    /// What the principal does.
    public var role: Role
    /// The department (a catalogue id) of an officer or a department system; `nil` for
    /// every other role.
    public var department: String?
    /// The SHA-256 hash of the principal's token.
    public var tokenHash: TokenHash

    /// A principal; ``problems(departments:)`` says whether it may stand in the file.
    public init(id: String, name: String, role: Role, department: String? = nil, tokenHash: TokenHash) {
        self.id = id
        self.name = name
        self.role = role
        self.department = department
        self.tokenHash = tokenHash
    }

    /// The rules a principal follows, each with what is wrong and how to fix it: the
    /// file reader reports them at their line and column, `onething principals add`
    /// before it writes anything. `departments` are the ids of the catalogue
    /// (`bundles/catalogue/departments.yaml`), when known.
    public func problems(departments: Set<String>?) -> [PrincipalProblem] {
        var found: [PrincipalProblem] = []
        if !Self.isID(id) { found.append(.badID(id)) }
        if let problem = Self.nameProblem(name) { found.append(problem) }
        found += Self.departmentProblems(department, role: role, departments: departments)
        return found
    }

    /// What is wrong with `name`: nothing but spaces, or control characters (a line
    /// break, a tab), which have no place in a name shown on one line.
    static func nameProblem(_ name: String) -> PrincipalProblem? {
        if name.allSatisfy(\.isWhitespace) { return .emptyName }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .controlCharacterInName
        }
        return nil
    }

    /// What is wrong with `department` for a principal of `role`: missing for an
    /// officer or a department system, given for another role, unknown to the catalogue.
    static func departmentProblems(_ department: String?, role: Role, departments: Set<String>?)
        -> [PrincipalProblem]
    {
        guard let department else { return role.hasDepartment ? [.departmentRequired(role)] : [] }
        guard role.hasDepartment else { return [.departmentNotAllowed(role)] }
        if let departments, !departments.contains(department) {
            return [.unknownDepartment(department, known: departments)]
        }
        return []
    }

    /// Whether `text` may be a principal's id: 1 to 64 of lowercase letters, digits,
    /// `-`, `_` and `.`, starting with a letter or digit (it is written in logs and
    /// case histories, so nothing there needs quoting).
    public static func isID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= 64, isLowerAlphanumeric(first) else { return false }
        return bytes.allSatisfy {
            isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
                || $0 == UInt8(ascii: ".")
        }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

/// Something wrong with a principal or the principals file, in words for the person who
/// wrote it: the one place these rules are said, for the file and for the command line
/// alike.
public enum PrincipalProblem: Sendable, Hashable {
    /// The file names nobody (a warning: only applicants can use the service).
    case emptyFile
    /// The file has no `principals`.
    case principalsMissing
    /// A key that is not known at this place of the file.
    case unknownKey(String, in: LocalizedText, known: [String])
    /// A principal without a required key.
    case missingKey(String, of: String)
    /// A value of the wrong kind of node.
    case wrongType(expected: LocalizedText, found: LocalizedText)
    /// The id is not 1 to 64 of lowercase letters, digits, `-`, `_`, `.`.
    case badID(String)
    /// The name is empty.
    case emptyName
    /// The name holds a control character.
    case controlCharacterInName
    /// The role is not one of ``Role``.
    case unknownRole(String)
    /// An officer or department system without a department.
    case departmentRequired(Role)
    /// A department given to a role that has none.
    case departmentNotAllowed(Role)
    /// A department the catalogue does not list.
    case unknownDepartment(String, known: Set<String>)
    /// A token hash that is not 64 hexadecimal digits.
    case badTokenHash(String)
    /// A token written where its hash belongs: anyone who reads the file could use it.
    case tokenInsteadOfHash
    /// An id the file already has.
    case duplicateID(String)

    /// The diagnostic code of the same kind of problem in every other file OneThing
    /// reads, so that `onething explain` explains it.
    public var code: DiagnosticCode {
        switch self {
        case .emptyFile: .emptyFile
        case .unknownKey: .unknownKey
        case .wrongType: .wrongType
        case .badID: .badIdentifier
        case .emptyName, .controlCharacterInName, .unknownRole, .departmentNotAllowed, .badTokenHash,
            .tokenInsteadOfHash:
            .badValue
        case .principalsMissing, .missingKey, .departmentRequired: .missingKey
        case .unknownDepartment: .unknownDepartment
        case .duplicateID: .duplicateName
        }
    }

    /// How serious the problem is: an empty file is a warning, every other an error.
    public var severity: Severity { self == .emptyFile ? .warning : .error }

    /// What is wrong.
    public var message: LocalizedText {
        switch self {
        case .emptyFile:
            .init(
                en: "the principals file is empty: only applicants with an access code can use the service",
                zh: "身份文件为空：只有持查询码的申请人可以使用服务")
        case .principalsMissing:
            .init(en: "the file has no 'principals'", zh: "文件中没有“principals”")
        case .unknownKey(let key, let place, _):
            .init(en: "unknown key '\(key)' in \(place.en)", zh: "\(place.zh)中有未知的键“\(key)”")
        case .missingKey(let key, let id):
            .init(en: "principal '\(id)' has no '\(key)'", zh: "身份“\(id)”缺少“\(key)”")
        case .wrongType(let expected, let found):
            .init(en: "expected \(expected.en), found \(found.en)", zh: "此处应为\(expected.zh)，实际是\(found.zh)")
        case .badID(let id):
            .init(en: "'\(id)' is not a principal id", zh: "“\(id)”不是有效的身份标识")
        case .emptyName:
            .init(en: "the principal's name is empty", zh: "身份的名称为空")
        case .controlCharacterInName:
            .init(
                en: "the principal's name holds a control character (a line break, a tab)",
                zh: "身份的名称中含有控制字符（如换行、制表符）")
        case .unknownRole(let role):
            .init(en: "'\(role)' is not a role", zh: "“\(role)”不是可用的角色")
        case .departmentRequired(let role):
            .init(
                en: "a \(role.title.en) needs a department", zh: "\(role.title.zh)必须写明所属部门（department）")
        case .departmentNotAllowed(let role):
            .init(
                en: "a \(role.title.en) belongs to no department",
                zh: "\(role.title.zh)不属于某一部门，不应写 department")
        case .unknownDepartment(let department, _):
            .init(en: "the catalogue has no department '\(department)'", zh: "部门目录中没有“\(department)”")
        case .badTokenHash:
            .init(
                en: "the token hash is not 64 hexadecimal digits", zh: "令牌哈希不是 64 位十六进制数字")
        case .tokenInsteadOfHash:
            .init(
                en: "this is a token, not its hash: anyone who reads the file could use it",
                zh: "这是令牌本身而不是其哈希：任何能读到此文件的人都可以冒用")
        case .duplicateID(let id):
            .init(en: "the principal '\(id)' exists already", zh: "身份“\(id)”已存在")
        }
    }

    /// How to fix it.
    public var hint: LocalizedText {
        switch self {
        case .emptyFile:
            .init(
                en:
                    "add principals with 'onething principals add --file FILE --id ID --name NAME --role ROLE'",
                zh: "请用“onething principals add --file 文件 --id 标识 --name 名称 --role 角色”添加身份")
        case .principalsMissing:
            .init(
                en: "write 'principals:' with one entry per principal id", zh: "请写“principals:”，每个身份标识一项")
        case .unknownKey(let key, _, let known):
            Suggestion.hint(for: key, among: known)
                ?? .init(
                    en: "the keys here: \(known.joined(separator: ", "))",
                    zh: "此处可用的键：\(known.joined(separator: "、"))")
        case .missingKey:
            .init(
                en: "every principal has a name, a role and a token-sha256",
                zh: "每个身份都须有 name、role 和 token-sha256")
        case .wrongType:
            .init(en: "see grammar/principals-format.md", zh: "格式见 grammar/principals-format.md")
        case .badID:
            .init(
                en: "use 1 to 64 lowercase letters, digits, '-', '_' or '.', such as window-01",
                zh: "请用 1 到 64 个小写字母、数字或“-”“_”“.”，如 window-01")
        case .controlCharacterInName:
            .init(en: "write the name on one line, without tabs", zh: "请将名称写在一行内，不含制表符")
        case .emptyName:
            .init(en: "write the name people see, such as 综合窗口 张敏", zh: "请写上显示给人看的名称，如“综合窗口 张敏”")
        case .unknownRole(let role):
            Suggestion.hint(for: role, among: Role.names)
                ?? .init(
                    en: "the roles: \(Role.names.joined(separator: ", "))",
                    zh: "可用的角色：\(Role.names.joined(separator: "、"))")
        case .departmentRequired:
            .init(
                en: "add the department's id from catalogue/departments.yaml, such as fire-rescue",
                zh: "请填写 catalogue/departments.yaml 中的部门标识，如 fire-rescue")
        case .departmentNotAllowed:
            .init(
                en: "only officers and department systems have a department; remove it",
                zh: "只有部门审批人员和部门业务系统有所属部门，请删去")
        case .unknownDepartment(let department, let known):
            Suggestion.hint(for: department, among: known.sorted())
                ?? .init(
                    en: "departments are listed in catalogue/departments.yaml",
                    zh: "部门列在 catalogue/departments.yaml 中")
        case .badTokenHash:
            .init(
                en: "write the hash 'onething principals add' printed into the file; never the token itself",
                zh: "请使用“onething principals add”写入的哈希值，切勿写入令牌本身")
        case .tokenInsteadOfHash:
            .init(
                en:
                    "remove the principal and add it again with 'onething principals add': the file keeps only the hash",
                zh: "请删除该身份并用“onething principals add”重新添加：文件中只应保存哈希")
        case .duplicateID:
            .init(
                en: "choose another id, or remove the principal first ('onething principals remove')",
                zh: "请换一个标识，或先删除该身份（“onething principals remove”）")
        }
    }
}
