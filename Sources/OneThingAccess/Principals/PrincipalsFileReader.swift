import OneThingSource

/// Reads the principals out of a principals file's located YAML, recording a finding
/// for everything that does not fit and going on, so one run shows every problem.
struct PrincipalsFileReader {
    /// The department ids of the catalogue, when known.
    let departments: Set<String>?
    /// The findings so far.
    var diagnostics: [Diagnostic] = []

    init(departments: Set<String>?) {
        self.departments = departments
    }

    /// The principals of the file whose root is `root`: those without errors, in order.
    mutating func principals(in root: YAMLNode) -> [Principal] {
        guard let top = mapping(root, what: .file, known: PrincipalsFile.topKeys) else { return [] }
        guard let table = top["principals"] else {
            report(.principalsMissing, at: root.span)
            return []
        }
        if case .scalar(let s) = table, s.isNull { return [] }
        guard case .mapping(let entries, _) = table else {
            report(.wrongType(expected: Place.principals.expected, found: table.kindName), at: table.span)
            return []
        }
        return entries.compactMap { principal($0) }
    }

    /// One principal, or `nil` when its entry has an error.
    mutating func principal(_ entry: YAMLEntry) -> Principal? {
        let id = entry.key
        let before = diagnostics.count
        if !Principal.isID(id.value) { report(.badID(id.value), at: id.span) }
        guard
            let fields = mapping(entry.value, what: .principal(id.value), known: PrincipalsFile.principalKeys)
        else { return nil }
        let name = text(fields["name"], key: "name", of: id)
        let role = text(fields["role"], key: "role", of: id).flatMap { scalar -> Role? in
            guard let role = Role(rawValue: scalar.value) else {
                report(.unknownRole(scalar.value), at: scalar.span)
                return nil
            }
            return role
        }
        let hash = text(fields["token-sha256"], key: "token-sha256", of: id).flatMap { scalar -> TokenHash? in
            if let hash = TokenHash(hex: scalar.value) { return hash }
            report(
                TokenHash.isTokenShaped(scalar.value) ? .tokenInsteadOfHash : .badTokenHash(scalar.value),
                at: scalar.span)
            return nil
        }
        let department = fields["department"].flatMap { node -> YAMLScalar? in
            guard case .scalar(let s) = node, !s.isNull else {
                report(
                    .wrongType(expected: .init(en: "a department id", zh: "部门标识"), found: node.kindName),
                    at: node.span)
                return nil
            }
            return s
        }
        if let name, let problem = Principal.nameProblem(name.value) { report(problem, at: name.span) }
        if let role {
            let span = department?.span ?? fields["role"]?.span ?? id.span
            for problem in Principal.departmentProblems(
                department?.value, role: role, departments: departments)
            {
                report(problem, at: span)
            }
        }
        guard diagnostics.count == before, let name, let role, let hash else { return nil }
        return Principal(
            id: id.value, name: name.value, role: role, department: department?.value, tokenHash: hash)
    }

    /// The scalar of required key `key` of principal `id`; a finding when it is missing
    /// or not a single value.
    mutating func text(_ node: YAMLNode?, key: String, of id: YAMLScalar) -> YAMLScalar? {
        guard let node else {
            report(.missingKey(key, of: id.value), at: id.span)
            return nil
        }
        guard case .scalar(let s) = node, !s.isNull else {
            report(
                .wrongType(expected: .init(en: "a single value", zh: "单个值"), found: node.kindName),
                at: node.span)
            return nil
        }
        return s
    }

    /// The entries of a mapping that may hold only the keys in `known`, by key.
    mutating func mapping(_ node: YAMLNode, what: Place, known: [String]) -> [String: YAMLNode]? {
        guard case .mapping(let entries, _) = node else {
            report(.wrongType(expected: what.expected, found: node.kindName), at: node.span)
            return nil
        }
        var values: [String: YAMLNode] = [:]
        for entry in entries {
            if known.contains(entry.key.value) {
                values[entry.key.value] = entry.value
            } else {
                report(.unknownKey(entry.key.value, in: what.text, known: known), at: entry.key.span)
            }
        }
        return values
    }

    mutating func report(_ problem: PrincipalProblem, at span: SourceSpan) {
        diagnostics.append(.principals(problem, at: span))
    }

    /// What a part of the file is, for messages.
    enum Place {
        case file
        case principals
        case principal(String)

        var text: LocalizedText {
            switch self {
            case .file: .init(en: "the principals file", zh: "身份文件")
            case .principals: .init(en: "'principals'", zh: "“principals”")
            case .principal(let id): .init(en: "principal '\(id)'", zh: "身份“\(id)”")
            }
        }

        var expected: LocalizedText {
            switch self {
            case .file: .init(en: "a mapping with the key 'principals'", zh: "含“principals”键的映射")
            case .principals:
                .init(en: "a mapping from principal id to its settings", zh: "由身份标识到其设置的映射")
            case .principal:
                .init(
                    en: "a mapping of name, role, department and token-sha256",
                    zh: "含 name、role、department、token-sha256 的映射")
            }
        }
    }
}

extension Diagnostic {
    /// The finding of `problem` at `span`.
    static func principals(_ problem: PrincipalProblem, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: problem.code, severity: problem.severity, span: span, message: problem.message,
            hint: problem.hint)
    }
}
