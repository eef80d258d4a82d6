import OneThing
import OneThingCalendar
import OneThingRuntime

// The findings about an adapters file. They use the codes of the model stage for the
// same kinds of problem (OT201 unknown key, OT202 missing key, OT203 wrong type, OT205
// bad value, OT301 unknown department), so `onething explain` explains them too.

extension Diagnostic {
    /// The adapters file holds nothing: every department is simulated with the defaults.
    static func emptyAdaptersFile(_ path: String) -> Diagnostic {
        Diagnostic(
            code: .emptyFile, severity: .warning, span: .wholeFile(path),
            message: .init(
                en: "the adapters file is empty: every department is simulated with the default behaviour",
                zh: "适配器配置文件是空的：所有部门都按默认设置模拟"),
            hint: .init(
                en: "write 'defaults:' and 'departments:', or leave out --adapters",
                zh: "请填写“defaults:”和“departments:”，或不使用 --adapters"))
    }

    /// A key the adapters file does not know here, with the closest known key.
    static func unknownAdaptersKey(_ key: YAMLScalar, in what: LocalizedText, known: [String]) -> Diagnostic {
        Diagnostic(
            code: .unknownKey, severity: .error, span: key.span,
            message: .init(
                en: "unknown key '\(key.value)' in \(what.en)", zh: "\(what.zh)中有未知的键“\(key.value)”"),
            hint: Suggestion.hint(for: key.value, among: known)
                ?? .init(
                    en: "known keys here: \(known.joined(separator: ", "))",
                    zh: "此处可用的键：\(known.joined(separator: "、"))"))
    }

    /// A value of the wrong kind of node.
    static func wrongAdaptersType(_ node: YAMLNode, expected: LocalizedText) -> Diagnostic {
        Diagnostic(
            code: .wrongType, severity: .error, span: node.span,
            message: .init(
                en: "expected \(expected.en), found \(node.kindName.en)",
                zh: "此处应为\(expected.zh)，实际是\(node.kindName.zh)"))
    }

    /// A scalar that is not the number asked for.
    static func notAnAdaptersNumber(_ s: YAMLScalar, what: LocalizedText) -> Diagnostic {
        Diagnostic(
            code: .wrongType, severity: .error, span: s.span,
            message: .init(
                en: "expected \(what.en), found '\(s.value)'", zh: "此处应为\(what.zh)，实际是“\(s.value)”"),
            hint: .init(en: "write digits only, such as 0.05 or 5%", zh: "请只写数字，如 0.05 或 5%"))
    }

    /// A bound on calls in flight (`in-flight`) that is not a whole number of 1 or more.
    static func notAnInFlightCount(_ s: YAMLScalar) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: s.span,
            message: .init(
                en: "'\(s.value)' is not a number of calls: in-flight is a whole number from 1",
                zh: "“\(s.value)”不是调用数：in-flight 应为不小于 1 的整数"),
            hint: .init(
                en:
                    "write how many pushes may be on their way to the system at once, such as 32; the others wait on the platform",
                zh: "请写同时发往该系统的推送数上限，如 32；其余推送在平台排队等候"))
    }

    /// A negative number where times and fractions are asked for.
    static func negativeAdaptersNumber(_ s: YAMLScalar) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: s.span,
            message: .init(en: "'\(s.value)' is negative", zh: "“\(s.value)”是负数"),
            hint: .init(en: "times and fractions are 0 or more", zh: "时间和比例不能小于 0"))
    }

    /// A number larger than any simulated time may be.
    static func tooLargeAdaptersNumber(_ s: YAMLScalar, maximum: Double) -> Diagnostic {
        let limit = DecimalText.trimmed(maximum, places: 6)
        return Diagnostic(
            code: .badValue, severity: .error, span: s.span,
            message: .init(
                en: "'\(s.value)' is too large: at most \(limit) here", zh: "“\(s.value)”过大：此处最多为 \(limit)"),
            hint: .init(
                en:
                    "latencies and response times are working days (or a fraction of the step's limit); a simulated wait of years is a typo",
                zh: "时长以工作日计（或为事项时限的倍数）；模拟等待数年多半是笔误"))
    }

    /// A probability outside 0–1.
    static func probabilityOutOfRange(_ s: YAMLScalar) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: s.span,
            message: .init(
                en: "the probability '\(s.value)' is not between 0 and 1",
                zh: "概率“\(s.value)”不在 0 到 1 之间"),
            hint: .init(en: "write 0.05 or 5% for one time in twenty", zh: "二十次中有一次请写 0.05 或 5%"))
    }

    /// Errors and timeouts together more likely than certain.
    static func probabilitiesTooLarge(at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: span,
            message: .init(
                en: "errors and timeouts together exceed a probability of 1",
                zh: "errors 与 timeouts 的概率之和超过 1"),
            hint: .init(en: "lower one of them", zh: "请调低其中之一"))
    }

    /// Not one of the adapter kinds.
    static func unknownAdapterKind(_ s: YAMLScalar, choices: [String]) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: s.span,
            message: .init(
                en: "'\(s.value)' is not an adapter kind (\(choices.joined(separator: ", ")))",
                zh: "“\(s.value)”不是可用的适配器类型（\(choices.joined(separator: "、"))）"),
            hint: Suggestion.hint(for: s.value, among: choices)
                ?? .init(en: "write simulated, manual or http", zh: "请写 simulated、manual 或 http"))
    }

    /// A scalar or list where a triangular distribution is asked for.
    static func notADistribution(_ node: YAMLNode) -> Diagnostic {
        Diagnostic(
            code: .wrongType, severity: .error, span: node.span,
            message: .init(
                en: "expected a distribution {min, mode, max}, found \(node.kindName.en)",
                zh: "此处应为分布 {min, mode, max}，实际是\(node.kindName.zh)"),
            hint: .init(
                en: "write the smallest, most likely and largest value: {min: 0.3, mode: 0.7, max: 1.1}",
                zh: "请写最小值、最可能值和最大值：{min: 0.3, mode: 0.7, max: 1.1}"))
    }

    /// A distribution without one of its three values.
    static func missingDistributionKey(_ key: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .missingKey, severity: .error, span: span,
            message: .init(en: "the distribution is missing '\(key)'", zh: "分布缺少“\(key)”"),
            hint: .init(en: "give all of min, mode and max", zh: "请写全 min、mode 和 max"))
    }

    /// A distribution whose values are out of order.
    static func unorderedDistribution(at span: SourceSpan, min: Double, mode: Double, max: Double)
        -> Diagnostic
    {
        Diagnostic(
            code: .badValue, severity: .error, span: span,
            message: .init(
                en: "the distribution's values are out of order: min \(min), mode \(mode), max \(max)",
                zh: "分布的取值顺序不对：min \(min)、mode \(mode)、max \(max)"),
            hint: .init(en: "min ≤ mode ≤ max", zh: "应满足 min ≤ mode ≤ max"))
    }

    /// More than one way of giving a review's length.
    static func conflictingLatencies(at span: SourceSpan, keys: [String]) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: span,
            message: .init(
                en: "give only one of \(keys.joined(separator: ", "))",
                zh: "\(keys.joined(separator: "、"))只能写一个"),
            hint: .init(
                en: "latency is a fraction of the task's limit; latency-days and latency-hours are absolute",
                zh: "latency 是事项承诺时限的比例；latency-days 和 latency-hours 是绝对时长"))
    }

    /// A department the catalogue does not know.
    static func unknownAdapterDepartment(_ key: YAMLScalar, known: Set<String>) -> Diagnostic {
        Diagnostic(
            code: .unknownDepartment, severity: .error, span: key.span,
            message: .init(
                en: "the catalogue has no department '\(key.value)'", zh: "部门目录中没有“\(key.value)”"),
            hint: Suggestion.hint(for: key.value, among: known.sorted())
                ?? .init(
                    en: "departments are listed in catalogue/departments.yaml",
                    zh: "部门列在 catalogue/departments.yaml 中"))
    }

    /// `adapter: manual` for the e-licence service: nobody types a licence in by hand.
    static func manualMaterialService(at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: span,
            message: .init(
                en: "the e-licence service is simulated or reached over http; it cannot be manual",
                zh: "电子证照服务只能是 simulated（模拟）或 http，不能是 manual"),
            hint: .init(
                en: "write adapter: simulated (with 'unavailable'), or adapter: http with its url and secret",
                zh: "请写 adapter: simulated（可加 unavailable），或 adapter: http 并写明 url 和密钥"))
    }

    /// `unavailable` in an e-licence entry of `adapter: http`: a real service fails on its own.
    static func unavailableWithHTTP(at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: span,
            message: .init(
                en: "'unavailable' is a setting of the simulated e-licence service, and this one is http",
                zh: "“unavailable”是模拟电子证照服务的设置，而此服务是 http"),
            hint: .init(
                en: "remove 'unavailable', or write adapter: simulated",
                zh: "请删去“unavailable”，或写 adapter: simulated"))
    }

    /// `adapter: http` under `defaults`: every department would share one system's URL.
    static func httpAsDefault(at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: span,
            message: .init(
                en:
                    "'http' cannot be the default adapter: each department's system has its own URL and secret",
                zh: "“http”不能作为默认适配器：每个部门的系统有各自的地址和密钥"),
            hint: .init(
                en: "write adapter: http with its url under the department in 'departments'",
                zh: "请在“departments”下的部门中写 adapter: http 及其 url"))
    }

    /// An HTTP setting in an entry whose adapter is not `http`.
    static func httpKeyWithoutHTTP(_ key: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: span,
            message: .init(
                en: "'\(key)' is a setting of an http department, and this entry's adapter is not http",
                zh: "“\(key)”是 http 部门的设置，而此项的适配器不是 http"),
            hint: .init(en: "add adapter: http, or remove '\(key)'", zh: "请加上 adapter: http，或删去“\(key)”"))
    }

    /// An http department without its URL or its secret's source.
    static func missingHTTPKey(_ key: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .missingKey, severity: .error, span: span,
            message: .init(en: "the http department is missing '\(key)'", zh: "http 部门缺少“\(key)”"),
            hint: .init(
                en:
                    "an http department needs url and one of secret-env (a variable's name) or secret-file (a file's path); never the secret itself",
                zh: "http 部门需要 url，以及 secret-env（环境变量名）或 secret-file（文件路径）之一；切勿直接写入密钥"))
    }

    /// Both sources of a secret.
    static func conflictingSecrets(at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: span,
            message: .init(
                en: "give only one of secret-env and secret-file", zh: "secret-env 与 secret-file 只能写一个"),
            hint: .init(
                en: "the secret comes from one place: a variable of the environment, or a file",
                zh: "密钥只能来自一处：环境变量或文件"))
    }

    /// A URL that is not an absolute http or https URL.
    static func notAnHTTPURL(_ node: YAMLNode) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: node.span,
            message: .init(
                en:
                    "expected an http:// or https:// URL, found \(node.scalar.map { "'\($0.value)'" } ?? node.kindName.en)",
                zh:
                    "此处应为 http:// 或 https:// 开头的地址，实际是\(node.scalar.map { "“\($0.value)”" } ?? node.kindName.zh)"
            ),
            hint: .init(
                en:
                    "the URL of the department system's endpoint for tasks, such as https://approvals.example.gov.cn/tasks",
                zh: "部门系统接收任务的地址，如 https://approvals.example.gov.cn/tasks"))
    }
}
