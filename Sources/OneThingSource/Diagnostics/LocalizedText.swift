/// A language that OneThing speaks to its users.
public enum Language: String, Sendable, CaseIterable {
    /// Simplified Chinese, the language of the policy staff.
    case zh
    /// English.
    case en

    /// The language the environment asks for: `LC_ALL`, then `LC_MESSAGES`, then `LANG`;
    /// Chinese when the first one set starts with `zh`, English otherwise.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}

/// A piece of user-facing text in every language OneThing speaks.
public struct LocalizedText: Hashable, Sendable {
    /// The English text.
    public var en: String
    /// The Chinese text.
    public var zh: String

    /// Creates a text from its English and Chinese versions.
    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// The text in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .en: en
        case .zh: zh
        }
    }
}

extension Language {
    /// The one of two texts that is in this language: the bilingual helper every
    /// message of OneThing is written with (`language.say("3 steps done", "3 步完成")`).
    public func say(_ en: String, _ zh: String) -> String {
        switch self {
        case .en: en
        case .zh: zh
        }
    }
}
