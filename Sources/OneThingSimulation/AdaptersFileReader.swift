import Foundation
import OneThing
import OneThingRuntime

/// Reads the values of an adapters file out of located YAML, recording a finding for
/// everything that does not fit and going on, so one run shows every problem.
struct AdaptersFileReader {
    /// What a part of the file is, for messages.
    enum Place {
        case adaptersFile
        case defaults
        case departments
        case department(String)
        case backoff
        case breaker
        case eLicence

        var text: LocalizedText {
            switch self {
            case .adaptersFile: .init(en: "the adapters file", zh: "适配器配置文件")
            case .defaults: .init(en: "'defaults'", zh: "“defaults”（默认设置）")
            case .departments: .init(en: "'departments'", zh: "“departments”（各部门设置）")
            case .department(let id): .init(en: "the settings of department '\(id)'", zh: "部门“\(id)”的设置")
            case .backoff: .init(en: "'backoff'", zh: "“backoff”（重试间隔）")
            case .breaker: .init(en: "'breaker'", zh: "“breaker”（熔断）")
            case .eLicence:
                .init(
                    en: "'e-licence' (the e-licence and shared-data service)", zh: "“e-licence”（电子证照与数据共享服务）")
            }
        }
    }

    /// One department's entry: its behaviour and, when the entry names one, its adapter.
    struct Entry {
        var behaviour: SimulatedDepartment
        var kind: AdapterKind?
        /// How an `adapter: http` department is reached.
        var http: HTTPDepartmentSettings?
    }

    /// The findings so far.
    var diagnostics: [Diagnostic] = []

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// The entries of a mapping that may hold only the keys in `known`.
    mutating func mapping(_ node: YAMLNode, what: Place, known: [String]) -> [String: YAMLNode]? {
        if case .scalar(let s) = node, s.isNull { return [:] }
        guard case .mapping(let entries, _) = node else {
            report(
                .wrongAdaptersType(
                    node,
                    expected: .init(en: "\(what.text.en) as a mapping of keys", zh: "\(what.text.zh)（键值映射）")))
            return nil
        }
        var values: [String: YAMLNode] = [:]
        for entry in entries {
            guard known.contains(entry.key.value) else {
                report(.unknownAdaptersKey(entry.key, in: what.text, known: known))
                continue
            }
            if case .scalar(let s) = entry.value, s.isNull { continue }
            values[entry.key.value] = entry.value
        }
        return values
    }

    /// The entries of a mapping keyed by names the file chooses (department ids).
    mutating func table(_ node: YAMLNode, what: Place) -> [(YAMLScalar, YAMLNode)] {
        if case .scalar(let s) = node, s.isNull { return [] }
        guard case .mapping(let entries, _) = node else {
            report(
                .wrongAdaptersType(
                    node,
                    expected: .init(
                        en: "\(what.text.en) as a mapping from department id to settings",
                        zh: "\(what.text.zh)（由部门标识到设置的映射）")))
            return []
        }
        return entries.map { ($0.key, $0.value) }
    }

    /// A department's entry; keys it does not give keep the values of `inherited`.
    mutating func department(_ node: YAMLNode, what: Place, inheriting inherited: SimulatedDepartment)
        -> Entry
    {
        var entry = Entry(behaviour: inherited)
        guard let fields = mapping(node, what: what, known: AdaptersFile.departmentKeys) else { return entry }
        if let node = fields["adapter"] {
            entry.kind = choice(node)
            if case .defaults = what, entry.kind == .http {
                report(.httpAsDefault(at: node.span))
                entry.kind = .simulated
            }
        }
        let latencyKeys = ["latency", "latency-days", "latency-hours"].filter { fields[$0] != nil }
        if latencyKeys.count > 1, let second = fields[latencyKeys[1]] {
            report(.conflictingLatencies(at: second.span, keys: latencyKeys))
        }
        if let node = fields["latency"], let value = distribution(node, atMost: Limits.fraction) {
            entry.behaviour.latency = value
            entry.behaviour.latencyDays = nil
        } else if let node = fields["latency-days"],
            let value = distribution(node, atMost: Limits.workingDays)
        {
            entry.behaviour.latencyDays = value
        } else if let node = fields["latency-hours"],
            let value = distribution(node, atMost: Limits.workingDays * TimeLimit.hoursPerWorkday)
        {
            entry.behaviour.latencyDays = Triangular(
                min: value.min / 8, mode: value.mode / 8, max: value.max / 8)
        }
        if let node = fields["reject"], let value = probability(node) { entry.behaviour.rejection = value }
        if let node = fields["supplement"], let value = probability(node) {
            entry.behaviour.supplement = value
        }
        if let node = fields["supplement-response"],
            let value = distribution(node, atMost: Limits.workingDays)
        {
            entry.behaviour.supplementResponse = value
        }
        if let node = fields["errors"], let value = probability(node) { entry.behaviour.errors = value }
        if let node = fields["timeouts"], let value = probability(node) { entry.behaviour.timeouts = value }
        entry.http = http(fields, kind: entry.kind, in: node)
        if entry.behaviour.errors + entry.behaviour.timeouts > 1,
            let node = fields["timeouts"] ?? fields["errors"]
        {
            report(.probabilitiesTooLarge(at: node.span))
        }
        return entry
    }

    /// The `e-licence` entry: the service that provides fetched materials, simulated
    /// (with the probability `unavailable`) or over HTTP (with the keys of an http
    /// department).
    mutating func materialService(_ node: YAMLNode) -> MaterialServiceSettings? {
        guard let fields = mapping(node, what: .eLicence, known: AdaptersFile.eLicenceKeys) else {
            return nil
        }
        var kind = AdapterKind.simulated
        if let node = fields["adapter"], let chosen = choice(node) {
            guard chosen != .manual else {
                report(.manualMaterialService(at: node.span))
                return nil
            }
            kind = chosen
        }
        let settings = http(fields, kind: kind, in: node)
        if kind == .http {
            if let unavailable = fields["unavailable"] {
                report(.unavailableWithHTTP(at: unavailable.span))
                return nil
            }
            return settings.map { .http($0) }
        }
        let unavailable = fields["unavailable"].flatMap { probability($0) } ?? 0
        return .simulated(unavailable: unavailable)
    }

    /// The HTTP settings of an entry of `adapter: http`; for any other kind, each HTTP
    /// key given is a finding.
    mutating func http(_ fields: [String: YAMLNode], kind: AdapterKind?, in node: YAMLNode)
        -> HTTPDepartmentSettings?
    {
        guard kind == .http else {
            for key in AdaptersFile.httpKeys {
                if let value = fields[key] { report(.httpKeyWithoutHTTP(key, at: value.span)) }
            }
            return nil
        }
        guard let urlNode = fields["url"] else {
            report(.missingHTTPKey("url", at: node.span))
            return nil
        }
        guard case .scalar(let url) = urlNode,
            url.value.hasPrefix("http://") || url.value.hasPrefix("https://"),
            url.value.count > 8
        else {
            report(.notAnHTTPURL(urlNode))
            return nil
        }
        var settings = HTTPDepartmentSettings(url: url.value)
        switch (fields["secret-env"], fields["secret-file"]) {
        case (nil, nil):
            report(.missingHTTPKey("secret-env", at: node.span))
            return nil
        case (.some, .some(let second)):
            report(.conflictingSecrets(at: second.span))
            return nil
        case (.some(let env), nil):
            guard let name = text(env) else { return nil }
            settings.secret = .environment(name)
        case (nil, .some(let file)):
            guard let path = text(file) else { return nil }
            settings.secret = .file(path)
        }
        if let node = fields["timeout"], let seconds = number(node, atMost: Limits.seconds) {
            settings.timeout = max(1, Int64(seconds * 1000))
        }
        if let node = fields["retries"], let count = number(node, atMost: Limits.retries) {
            settings.retries = Int(count)
        }
        if let node = fields["backoff"],
            let values = mapping(node, what: .backoff, known: AdaptersFile.backoffKeys)
        {
            let base = values["base"].flatMap { number($0, atMost: Limits.seconds) }
            let cap = values["cap"].flatMap { number($0, atMost: Limits.seconds) }
            settings.backoff = RetryPolicy(
                base: base.map { Int64($0 * 1000) } ?? settings.backoff.base,
                cap: cap.map { Int64($0 * 1000) } ?? settings.backoff.cap, jitter: settings.backoff.jitter)
        }
        if let node = fields["breaker"],
            let values = mapping(node, what: .breaker, known: AdaptersFile.breakerKeys)
        {
            if let failures = values["failures"].flatMap({ number($0, atMost: Limits.retries) }) {
                settings.breakerFailures = max(1, Int(failures))
            }
            if let coolDown = values["cool-down"].flatMap({ number($0, atMost: Limits.seconds) }) {
                settings.breakerCoolDown = max(1, Int64(coolDown * 1000))
            }
        }
        if let node = fields["in-flight"],
            let count = number(node, atMost: Double(HTTPDepartmentSettings.mostInFlight))
        {
            if count >= 1, count == count.rounded() {
                settings.inFlight = Int(count)
            } else if case .scalar(let s) = node {
                report(.notAnInFlightCount(s))
            }
        }
        return settings
    }

    /// A non-empty plain text (a variable's name, a file's path).
    mutating func text(_ node: YAMLNode) -> String? {
        guard case .scalar(let s) = node, !s.isNull, !s.value.isEmpty else {
            report(.wrongAdaptersType(node, expected: .init(en: "a text", zh: "文本")))
            return nil
        }
        return s.value
    }

    /// `simulated`, `manual` or `http`.
    mutating func choice(_ node: YAMLNode) -> AdapterKind? {
        let choices = AdapterKind.allCases.map(\.rawValue)
        guard case .scalar(let s) = node, !s.isNull else {
            report(
                .wrongAdaptersType(
                    node, expected: .init(en: "simulated, manual or http", zh: "simulated、manual 或 http"))
            )
            return nil
        }
        if let kind = AdapterKind(rawValue: s.value) { return kind }
        report(.unknownAdapterKind(s, choices: choices))
        return nil
    }

    /// The largest values the file may give, so that no sampled time runs off every
    /// calendar or overflows: a simulated wait of ten years is already absurd.
    enum Limits {
        /// A fraction of a step's promised limit, or of a deadline: 100 times it.
        static let fraction = 100.0
        /// Working days: ten years' worth.
        static let workingDays = DepartmentSampler.longestWorkingDays
        /// Seconds of a timeout, a backoff or a cool-down: a day.
        static let seconds = 86_400.0
        /// Retries or failures in a row.
        static let retries = 100.0
    }

    /// A triangular distribution `{min, mode, max}` of numbers from zero to `maximum`.
    mutating func distribution(_ node: YAMLNode, atMost maximum: Double) -> Triangular? {
        guard case .mapping(let entries, let span) = node else {
            report(.notADistribution(node))
            return nil
        }
        var values: [String: Double] = [:]
        var complete = true
        for entry in entries {
            guard AdaptersFile.distributionKeys.contains(entry.key.value) else {
                report(
                    .unknownAdaptersKey(
                        entry.key, in: .init(en: "a distribution", zh: "分布"),
                        known: AdaptersFile.distributionKeys))
                continue
            }
            if let value = number(entry.value, atMost: maximum) {
                values[entry.key.value] = value
            } else {
                complete = false
            }
        }
        for key in AdaptersFile.distributionKeys where !entries.contains(where: { $0.key.value == key }) {
            report(.missingDistributionKey(key, at: entries.first?.key.span ?? span))
            complete = false
        }
        guard complete, let min = values["min"], let mode = values["mode"], let max = values["max"] else {
            return nil
        }
        guard min <= mode, mode <= max else {
            report(.unorderedDistribution(at: span, min: min, mode: mode, max: max))
            return nil
        }
        return Triangular(min: min, mode: mode, max: max)
    }

    /// A plain number from zero to `maximum`.
    mutating func number(_ node: YAMLNode, atMost maximum: Double) -> Double? {
        guard case .scalar(let s) = node, !s.isNull else {
            report(.wrongAdaptersType(node, expected: .init(en: "a number", zh: "数字")))
            return nil
        }
        guard s.style == .plain, YAMLScalar.isDecimalNumber(s.value), let value = Double(s.value) else {
            report(.notAnAdaptersNumber(s, what: .init(en: "a number", zh: "数字")))
            return nil
        }
        guard value >= 0 else {
            report(.negativeAdaptersNumber(s))
            return nil
        }
        guard value <= maximum else {
            report(.tooLargeAdaptersNumber(s, maximum: maximum))
            return nil
        }
        return value
    }

    /// A probability: a number from 0 to 1, or a percentage such as `8%`.
    mutating func probability(_ node: YAMLNode) -> Double? {
        let what = LocalizedText(en: "a probability from 0 to 1 (or a percentage)", zh: "0 到 1 之间的概率（或百分比）")
        guard case .scalar(let s) = node, !s.isNull else {
            report(.wrongAdaptersType(node, expected: what))
            return nil
        }
        let percent = s.value.hasSuffix("%")
        let digits = percent ? String(s.value.dropLast()).trimmingCharacters(in: .whitespaces) : s.value
        guard s.style == .plain || percent, YAMLScalar.isDecimalNumber(digits), let number = Double(digits)
        else {
            report(.notAnAdaptersNumber(s, what: what))
            return nil
        }
        let value = percent ? number / 100 : number
        guard (0...1).contains(value) else {
            report(.probabilityOutOfRange(s))
            return nil
        }
        return value
    }
}
