/// Bounds that keep the cost of reading any condition small, whatever a file says.
///
/// A condition longer than ``maxLength`` is not read at all, and the parser stops at
/// the first level of nesting beyond ``maxDepth``; both are reported as `OT407`. So a
/// hostile or broken condition, such as ten thousand `(`, costs bounded time and stack.
public struct ConditionLimits: Hashable, Sendable {
    /// The longest condition accepted, in characters (Unicode scalars).
    public var maxLength: Int
    /// The deepest nesting accepted: each bracket, `not` and unary minus adds a level.
    public var maxDepth: Int

    /// Creates limits.
    public init(maxLength: Int = 4096, maxDepth: Int = 64) {
        self.maxLength = maxLength
        self.maxDepth = maxDepth
    }

    /// The defaults: 4,096 characters and 64 levels.
    public static let `default` = ConditionLimits()
}
