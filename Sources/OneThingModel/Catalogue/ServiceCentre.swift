import OneThingSource

/// The government service centre whose one window takes the cases (政务服务中心), as
/// the catalogue's `service-centre.yaml` records it: what the notice tells the applicant
/// about where to go and whom to ask, so that it never writes an address, a telephone
/// number or a reply time that nobody recorded.
public struct ServiceCentre: Hashable, Sendable {
    /// The window for problems that cannot get done (办不成事反映窗口), as the centre
    /// publishes it.
    public struct ProblemWindow: Hashable, Sendable {
        /// Where it is: `二楼 3 号窗口`.
        public var window: String?
        /// How and when it answers, in the centre's own words: `涉及多个部门的问题3个工作日内答复`.
        public var reply: String?

        /// Creates the window.
        public init(window: String? = nil, reply: String? = nil) {
            self.window = window
            self.reply = reply
        }
    }

    /// The centre's name: `青岛市即墨区政务服务中心`.
    public var name: String
    /// Its address.
    public var address: String?
    /// The telephone number the applicant may call.
    public var telephone: String?
    /// The opening hours, as published: `周一至周五 9:00—17:00（法定节假日除外）`.
    public var hours: String?
    /// The 办不成事 window, when the centre has one.
    public var problems: ProblemWindow?
    /// Where it was written.
    public var span: SourceSpan

    /// Creates a centre.
    public init(
        name: String, address: String? = nil, telephone: String? = nil, hours: String? = nil,
        problems: ProblemWindow? = nil, span: SourceSpan
    ) {
        self.name = name
        self.address = address
        self.telephone = telephone
        self.hours = hours
        self.problems = problems
        self.span = span
    }
}
