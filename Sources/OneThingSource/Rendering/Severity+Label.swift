extension Severity {
    /// The word for the severity in `language`: `error`, `warning`, `note` or
    /// 错误, 警告, 附注.
    public func label(in language: Language) -> String {
        switch (self, language) {
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (.note, .en): "note"
        case (.error, .zh): "错误"
        case (.warning, .zh): "警告"
        case (.note, .zh): "附注"
        }
    }
}
